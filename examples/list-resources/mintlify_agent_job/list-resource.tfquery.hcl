# Terraform 1.14 and later: `terraform query` lists the project's jobs.
# `terraform query -generate-config-out=jobs.tf` writes an import block and
# a resource for each, which plan clean after the import.
list "mintlify_agent_job" "completed" {
  provider = mintlify

  config {
    status = "completed"
  }
}

# include_resource = true also reads each job in full (one more API call per job).
list "mintlify_agent_job" "all" {
  provider         = mintlify
  include_resource = true
}
