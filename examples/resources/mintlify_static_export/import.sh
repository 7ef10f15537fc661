# Import a static export by its job ID:
terraform import mintlify_static_export.docs se_3f9a2c1b8e7d4a06
