# Import a preview deployment by its status ID:
terraform import mintlify_preview_deployment.widgets 66a1f0c2e4b5d6a7b8c9d0e3
