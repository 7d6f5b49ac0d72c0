# Minimal JSON writer with full double precision (17 significant digits), shared by the reference scripts of
# libs/stats part B (jsonlite writes at most 15 significant digits). NaN is written as "NaN", NA as null,
# infinities as "Inf" / "-Inf". Atomic vectors of length 1 become scalars unless wrapped in as_array().
as_array <- function(x) structure(x, class = c("json_array", class(x)))

json_value <- function(x) {
  if (is.null(x)) return("null")
  if (inherits(x, "json_array")) {
    x <- unclass(x)
    return(paste0("[", paste(vapply(seq_along(x), function(i) json_value(x[[i]]), ""), collapse = ","), "]"))
  }
  if (is.data.frame(x)) x <- as.list(x)
  if (is.matrix(x)) return(json_value(as_array(lapply(seq_len(nrow(x)), function(i) as_array(x[i, ])))))
  if (is.list(x)) {
    if (!is.null(names(x))) {
      parts <- vapply(names(x), function(n) paste0("\"", n, "\":", json_value(x[[n]])), "")
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, json_value, ""), collapse = ","), "]"))
  }
  if (length(x) != 1) return(json_value(as_array(x)))
  if (is.logical(x)) return(if (is.na(x)) "null" else if (x) "true" else "false")
  if (is.character(x)) return(if (is.na(x)) "null" else paste0("\"", gsub("\"", "\\\\\"", x), "\""))
  if (is.factor(x)) return(paste0("\"", as.character(x), "\""))
  if (is.nan(x)) return("\"NaN\"")
  if (is.na(x)) return("null")
  if (is.infinite(x)) return(if (x > 0) "\"Inf\"" else "\"-Inf\"")
  sprintf("%.17g", x)
}

write_fixture <- function(x, name) {
  writeLines(json_value(x), file.path(fixture_dir, name))
}
