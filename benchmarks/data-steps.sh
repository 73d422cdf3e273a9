#!/usr/bin/env bash
# A backfill through Lake against the same UPDATE run directly in the same Spark session, and the fixed
# cost of the forked Spark JVM. Usage: benchmarks/data-steps.sh [rows] [rounds]  (default 1000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
rounds=${2:-3}
mvn -B -q install -DskipTests -Dinvoker.skip
cp=$(mktemp)
mvn -B -q -pl lake-runtime/spark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
mvn -B -q -pl lake-runtime/spark test-compile
# Spark's options for Java 17, as Spark's own launcher gives them (JavaModuleOptions).
modules="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
# shellcheck disable=SC2086
java $modules -Xmx4g -cp "lake-runtime/spark/target/test-classes:lake-runtime/spark/target/classes:$(cat "$cp")" \
  dev.lake.spark.DataStepBenchmark "$rows" "$rounds" 2> >(grep -v -e '^WARNING' -e '^SLF4J' >&2)
rm -f "$cp"
