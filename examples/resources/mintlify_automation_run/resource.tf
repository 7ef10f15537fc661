# Run a scheduled automation (for example one that writes the changelog)
# after every release, instead of at its next scheduled time.
variable "release_tag" {
  description = "The release just published, such as v2.4.0."
  type        = string
}

resource "mintlify_automation_run" "changelog" {
  automation_id = "66a1f0c2e4b5d6a7b8c9d0e1"

  triggers = {
    release = var.release_tag
  }
}

output "automation_run" {
  value = mintlify_automation_run.changelog.id
}
