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
USER kp
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
