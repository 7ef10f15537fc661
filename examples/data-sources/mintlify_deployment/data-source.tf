# Read a deployment by its status ID, for example one a CI job started.
data "mintlify_deployment" "latest" {
  id = "66a1f0c2e4b5d6a7b8c9d0e2"
}

output "latest_deployment" {
  value = "${data.mintlify_deployment.latest.status}: ${data.mintlify_deployment.latest.commit.message}"
}
