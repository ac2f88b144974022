# Sourced by the scripts: sets JAVA to a java of version 25 or later, or explains what is missing.
# Looks at $JAVA_HOME first, then every JDK under /usr/lib/jvm, then java on the PATH.
java_major() {
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

find_java() {
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
    for d in /usr/lib/jvm/*; do candidates+=("$d/bin/java"); done
    command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
    local best="" best_major=0 c m
    for c in "${candidates[@]}"; do
        [ -x "$c" ] || continue
        m=$(java_major "$c")
        [ -n "$m" ] || continue
        if [ "$m" -ge 25 ] && [ "$m" -gt "$best_major" ]; then best="$c"; best_major=$m; fi
    done
    if [ -z "$best" ]; then
        echo "subcons: needs Java 25 or later; none found in \$JAVA_HOME, /usr/lib/jvm or on the PATH." >&2
        echo "subcons: install a JDK 25 (e.g. Temurin 25) and set JAVA_HOME to it." >&2
        return 1
    fi
    JAVA="$best"
    export JAVA_HOME="$(dirname "$(dirname "$best")")"
}
