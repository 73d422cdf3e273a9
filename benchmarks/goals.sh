#!/usr/bin/env bash
# The seconds users wait, measured side by side in one run (figures in BENCHMARKS.md):
#   1. mvn clean compile lake:check against mvn clean compile, on generated projects of
#      TABLES x STEPS (hand-written @AddColumn steps, records as declarations, no drift);
#   2. mvn lake:status against mvn validate on a one-table project (after compile and migrate).
# Each pair runs interleaved ROUNDS times, offline, after 'mvn -B -q install -DskipTests -Dinvoker.skip'.
# CPU is user + system time of Maven and its children; the medians are compared.
#
# With THREADS=1, one more run of each command reports where its CPU went, by JVM thread (Linux /proc):
# the JIT compilers (C1, C2), the garbage collector, Maven's main thread, Lake's engine threads, and
# the JVMs it starts (lake:check's).
# MAVEN_OPTS applies to both sides (try MAVEN_OPTS=-XX:TieredStopAtLevel=1).
#
#   bash benchmarks/goals.sh                 # 100x10 and 500x20, 5 rounds
#   ROUNDS=3 SIZES="100x10" THREADS=1 bash benchmarks/goals.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=${ROUNDS:-5}
SIZES=${SIZES-"100x10 500x20"}   # SIZES="" runs the status pair and its floor alone
VERSION=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -1)
WORK=$ROOT/target/bench-goals
mkdir -p "$WORK"

pom() { # artifactId
  cat <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>$1</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency><groupId>dev.lake</groupId><artifactId>lake-annotations</artifactId><version>$VERSION</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.16.0</version>
        <configuration>
          <annotationProcessorPaths>
            <path><groupId>dev.lake</groupId><artifactId>lake-processor</artifactId><version>$VERSION</version></path>
          </annotationProcessorPaths>
        </configuration>
      </plugin>
      <plugin><groupId>dev.lake</groupId><artifactId>lake-maven-plugin</artifactId><version>$VERSION</version></plugin>
    </plugins>
  </build>
</project>
POM
}

generate() { # dir tables steps
  local dir=$1 tables=$2 steps=$3
  rm -rf "$dir"; mkdir -p "$dir/src/main/java/bench"
  pom "bench-$tables-$steps" > "$dir/pom.xml"
  for ((t = 0; t < tables; t++)); do
    local pkg="$dir/src/main/java/bench/t$t"
    mkdir -p "$pkg"
    local fields="long id"
    for ((s = 0; s < steps; s++)); do fields="$fields, Integer c$s"; done
    printf 'package bench.t%d;\n\n@dev.lake.annotations.LakeTable(name = "db.t%d")\npublic record T%d(@dev.lake.annotations.Id %s) {}\n' \
      "$t" "$t" "$t" "$fields" > "$pkg/T$t.java"
    for ((s = 0; s < steps; s++)); do
      {
        printf 'package bench.t%d;\n\nimport dev.lake.annotations.*;\n\n' "$t"
        printf '@Migration(table = "db.t%d", step = %d, description = "step %d")\n' "$t" "$s" "$s"
        if ((s == 0)); then
          printf '@AddColumn(name = "id", type = "long", required = true)\n@SetIdentifierColumns("id")\n'
        fi
        printf '@AddColumn(name = "c%d", type = "int")\n' "$s"
        printf 'public final class V%04d_T%d implements LakeMigration {}\n' "$s" "$t"
      } > "$pkg/V$(printf %04d "$s")_T$t.java"
    done
  done
}

timed() { # dir command...: runs the command in dir (output to dir/last.log); prints "cpu wall" seconds
  local dir=$1; shift
  local start end times
  start=$(date +%s.%N)
  times=$( { TIMEFORMAT='%U %S'; time (cd "$dir" && "$@" > "$dir/last.log" 2>&1); } 2>&1 )
  end=$(date +%s.%N)
  awk -v t="$times" -v s="$start" -v e="$end" 'BEGIN { split(t, a, " "); printf "%.2f %.2f\n", a[1] + a[2], e - s }'
}

cpu() { # dir args...: "cpu wall" seconds of one Maven build
  local dir=$1; shift
  timed "$dir" mvn -o -q -B "$@"
}

threads() { # dir args...: CPU seconds of Maven's JVM by thread group, read off /proc until it exits
  local dir=$1; shift
  (cd "$dir" && exec mvn -o -q -B "$@" > "$dir/last.log" 2>&1) &
  local pid=$! t name stat
  declare -A seen=()
  local p children
  while kill -0 "$pid" 2> /dev/null; do
    children=$(pgrep -P "$pid" 2> /dev/null || true)
    for p in $pid $children; do
      for t in /proc/$p/task/*; do
        name=$(cat "$t/comm" 2> /dev/null) && stat=$(cut -d' ' -f14,15 "$t/stat" 2> /dev/null) || continue
        [ "$p" = "$pid" ] || name="forked JVM"
        seen[$p/${t##*/}]="$name|$stat"
      done
    done
    sleep 0.02
  done
  wait "$pid" || true
  for t in "${!seen[@]}"; do echo "${seen[$t]}"; done | awk -F'|' -v hz="$(getconf CLK_TCK)" '
    { split($2, a, " "); n = $1
      g = n == "forked JVM" ? n : n ~ /^C2 / ? "C2 JIT" : n ~ /^C1 / ? "C1 JIT" : n ~ /^(GC|G1)/ ? "GC" \
        : n ~ /^pool-/ ? "engine" : n == "java" ? "main" : "other"
      c[g] += (a[1] + a[2]) / hz; total += (a[1] + a[2]) / hz }
    END { printf "%.2f s:", total; n = split("main,engine,C2 JIT,C1 JIT,GC,forked JVM,other", o, ",")
      for (i = 1; i <= n; i++) printf " %s %.2f", o[i], c[o[i]]; printf "\n" }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

compare() { # title dir "args A" "args B"
  local title=$1 dir=$2 a=$3 b=$4
  local ca=() cb=() wa=() wb=()
  for ((r = 0; r < ROUNDS; r++)); do
    read -r c w < <(cpu "$dir" $a); ca+=("$c"); wa+=("$w")
    read -r c w < <(cpu "$dir" $b); cb+=("$c"); wb+=("$w")
  done
  local mca mcb mwa mwb
  mca=$(printf '%s\n' "${ca[@]}" | median); mcb=$(printf '%s\n' "${cb[@]}" | median)
  mwa=$(printf '%s\n' "${wa[@]}" | median); mwb=$(printf '%s\n' "${wb[@]}" | median)
  echo "$title"
  printf '  %-40s cpu median %7.2f s  wall median %6.2f s  cpu runs [%s]\n' "mvn $a" "$mca" "$mwa" "${ca[*]}"
  printf '  %-40s cpu median %7.2f s  wall median %6.2f s  cpu runs [%s]\n' "mvn $b" "$mcb" "$mwb" "${cb[*]}"
  awk -v a="$mca" -v b="$mcb" -v x="$mwa" -v y="$mwb" 'BEGIN { printf "  ratio, cpu: %.3f   wall: %.3f\n", b / a, y / x }'
  if [ "${THREADS:-0}" = 1 ]; then
    printf '  %-40s by thread, one run: %s\n' "mvn $a" "$(threads "$dir" $a)"
    printf '  %-40s by thread, one run: %s\n' "mvn $b" "$(threads "$dir" $b)"
  fi
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'); $ROUNDS rounds"
for size in $SIZES; do
  tables=${size%x*}; steps=${size#*x}
  dir=$WORK/check-$size
  generate "$dir" "$tables" "$steps"
  (cd "$dir" && mvn -o -q -B compile > "$dir/last.log" 2>&1) \
    || { echo "mvn compile failed on $dir:" >&2; cat "$dir/last.log" >&2; exit 1; }   # and warms the file cache
  compare "lake:check on $tables tables x $steps steps" "$dir" "clean compile" "clean compile lake:check"
done

dir=$WORK/status
generate "$dir" 1 3
(cd "$dir" && mvn -o -q -B compile lake:migrate > "$dir/last.log" 2>&1) \
  || { echo "mvn compile lake:migrate failed on $dir:" >&2; cat "$dir/last.log" >&2; exit 1; }
compare "lake:status on one table" "$dir" "validate" "lake:status"

# The floor under status: a fresh JVM in which Iceberg's own catalog loads the table, nothing else.
floor=$WORK/floor
rm -rf "$floor" && mkdir -p "$floor"
(cd lake-runtime/iceberg && mvn -o -q -B dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$floor/classpath.txt" > "$floor/last.log" 2>&1) \
  || { echo "cannot get lake-iceberg's class path:" >&2; cat "$floor/last.log" >&2; exit 1; }
cp="$(cat "$floor/classpath.txt"):$ROOT/lake-runtime/iceberg/target/lake-iceberg-$VERSION.jar:$floor"
javac -cp "$cp" -d "$floor" benchmarks/LoadOne.java
jvm() { # args...: CPU seconds of one java run
  local c w
  read -r c w < <(timed "$floor" java -cp "$cp" LoadOne "$@")
  echo "$c"
}
js=(); jl=()
for ((r = 0; r < ROUNDS; r++)); do
  js+=("$(jvm)"); jl+=("$(jvm "$dir/.lake" db.t0)")
done
echo "the floor under lake:status: one JVM, Iceberg's catalog loading the table (benchmarks/LoadOne.java)"
printf '  %-40s cpu median %7.2f s  cpu runs [%s]\n' "java (start only)" "$(printf '%s\n' "${js[@]}" | median)" "${js[*]}"
printf '  %-40s cpu median %7.2f s  cpu runs [%s]\n' "java (load db.t0)" "$(printf '%s\n' "${jl[@]}" | median)" "${jl[*]}"
