resource "mintlify_static_export" "docs" {
  domain = "docs.example.com"
}

# A fresh link to the bundle at each plan and apply, never stored: hand it
# to a write-only argument, such as helm_release's set_wo.
ephemeral "mintlify_static_export_bundle" "docs" {
  id = mintlify_static_export.docs.id
}
