"""clienteling/services"""
