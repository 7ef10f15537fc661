# Deploy the documentation site to production after every merge to the
# deployment branch: a new commit starts a new deployment.
variable "merged_commit" {
  description = "The merged commit of the docs repository, such as $GITHUB_SHA in a workflow on the deployment branch."
  type        = string
}

resource "mintlify_deployment" "production" {
  triggers = {
    commit = var.merged_commit
  }

  timeouts = {
    create = "30m"
  }
}

output "deployed_commit" {
  value = mintlify_deployment.production.commit.sha
}
