# Kompetensportalen: build with the Maven Wrapper, run the jar on a JRE as an unprivileged user.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/kompetensportalen-*.jar /src/app.jar

FROM eclipse-temurin:21-jre
RUN groupadd --system kp && useradd --system --gid kp --uid 10001 kp
WORKDIR /app
COPY --from=build /src/app.jar app.jar
# The portal's JVM options (serial collector, small young generation, native memory trimmed; docs/benchmarks.md).
COPY deploy/jvm.options jvm.options
USER kp
EXPOSE 8080
# The heap's maximum from the container's memory limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/app.jar"]
