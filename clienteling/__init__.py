"""clienteling"""
