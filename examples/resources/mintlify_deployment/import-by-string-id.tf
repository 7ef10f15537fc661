# Adopt a deployment that was started elsewhere, by its status ID.
import {
  to = mintlify_deployment.production
  id = "66a1f0c2e4b5d6a7b8c9d0e2"
}

resource "mintlify_deployment" "production" {
}
