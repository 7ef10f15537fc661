terraform {
  required_providers {
    mintlify = {
      source = "mintlify/mintlify"
    }
  }
}

# The key and project usually come from the environment:
#   export MINTLIFY_API_KEY=mint_...
#   export MINTLIFY_PROJECT_ID=...
provider "mintlify" {
  # project_id = "my-project-id"
  # base_url   = "https://api.mintlify.com"
}
