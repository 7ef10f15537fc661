# Adopt a preview deployment by its status ID: the branch comes from the
# commit it deployed, so name the same branch here and the plan is empty.
import {
  to = mintlify_preview_deployment.widgets
  id = "66a1f0c2e4b5d6a7b8c9d0e3"
}

resource "mintlify_preview_deployment" "widgets" {
  branch = "docs/widgets"
}
