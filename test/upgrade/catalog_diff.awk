# Compare two catalog listings of test/upgrade/catalog.sql ("<object> :: <property> = <value>"):
#   awk -f catalog_diff.awk upgraded.txt fresh.txt
# Prints one readable line per difference and exits 1 if there is any.
function split_line(line, parts,    i, j) {
    i = index(line, " :: ")
    j = index(substr(line, i + 4), " = ")
    parts["obj"] = substr(line, 1, i - 1)
    parts["key"] = substr(line, 1, i + 3 + j - 1)
    parts["val"] = substr(line, i + 4 + j + 2)
}
FNR == NR { split_line($0, p); up[p["key"]] = p["val"]; upobj[p["obj"]] = 1; next }
{ split_line($0, p); fr[p["key"]] = p["val"]; frobj[p["obj"]] = 1; order[++n] = p["key"]; keyobj[p["key"]] = p["obj"] }
END {
    bad = 0
    for (o in frobj) if (!(o in upobj)) {
        print "missing after the upgrade: " o " (the upgrade script must create it)"; bad = 1
    }
    for (o in upobj) if (!(o in frobj)) {
        print "left over after the upgrade: " o " (a fresh install has no such object: the upgrade script must drop it)"; bad = 1
    }
    for (i = 1; i <= n; i++) {
        k = order[i]
        if (!(keyobj[k] in upobj)) continue
        if (!(k in up)) { print k ": upgraded has none, fresh install has '" fr[k] "'"; bad = 1 }
        else if (up[k] != fr[k]) { print k ": upgraded '" up[k] "', fresh install '" fr[k] "'"; bad = 1 }
    }
    for (k in up) if (!(k in fr)) {
        split(k, kp, " :: "); if (!(kp[1] in frobj)) continue
        print k ": upgraded has '" up[k] "', fresh install has none"; bad = 1
    }
    exit bad
}
