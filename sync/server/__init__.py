"""sync/server"""
