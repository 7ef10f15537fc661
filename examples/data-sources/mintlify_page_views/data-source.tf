# The docs' views this month, and the ten most viewed pages.
data "mintlify_page_views" "month" {
  date_from = formatdate("YYYY-MM-01", plantimestamp())
}

output "views" {
  value = data.mintlify_page_views.month.totals.total
}

output "top_pages" {
  value = slice([for p in data.mintlify_page_views.month.pages : p.path], 0, min(10, length(data.mintlify_page_views.month.pages)))
}
