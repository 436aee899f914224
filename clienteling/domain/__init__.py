"""clienteling/domain"""
