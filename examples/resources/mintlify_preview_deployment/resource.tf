# Deploy a preview of a branch for review, and print where it is served.
resource "mintlify_preview_deployment" "widgets" {
  branch = "docs/widgets"
}

output "preview_url" {
  value = mintlify_preview_deployment.widgets.preview_url
}

# Start it and move on: later refreshes show how it went.
resource "mintlify_preview_deployment" "changelog" {
  branch              = "docs/changelog"
  wait_for_completion = false
}
