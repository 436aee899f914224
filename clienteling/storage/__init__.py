"""clienteling/storage"""
