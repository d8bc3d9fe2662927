# The two commands of README.md. Each installs what it needs first (see scripts/install-deps.sh).
.PHONY: run test

# Starts Truthline on the embedded H2 database with demo users, a project and sample images.
run:
	scripts/install-deps.sh run
	./mvnw -B -q -DskipTests spring-boot:run -Dspring-boot.run.profiles=demo

# Runs the whole test suite.
test:
	scripts/install-deps.sh test
	./mvnw -B verify
