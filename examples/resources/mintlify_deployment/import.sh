# Import a production deployment by its status ID:
terraform import mintlify_deployment.production 66a1f0c2e4b5d6a7b8c9d0e2
