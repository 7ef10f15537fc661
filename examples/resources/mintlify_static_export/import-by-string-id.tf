# Adopt an export that was started elsewhere, by its job ID. Mintlify does
# not return the domain an export was started with: the one configured
# here is recorded, and nothing is exported again.
import {
  to = mintlify_static_export.docs
  id = "se_3f9a2c1b8e7d4a06"
}

resource "mintlify_static_export" "docs" {
  domain = "docs.example.com"
}
