"""The product screens: product search and the product view."""
