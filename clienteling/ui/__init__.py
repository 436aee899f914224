"""clienteling/ui"""
