# Read an export started elsewhere, and a fresh link to its bundle.
data "mintlify_static_export" "nightly" {
  id = "se_3f9a2c1b8e7d4a06"
}

output "nightly_pages" {
  value = data.mintlify_static_export.nightly.page_count
}
