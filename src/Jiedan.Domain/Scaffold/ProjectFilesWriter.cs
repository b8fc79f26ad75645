namespace Jiedan.Domain.Scaffold;

/// <summary>The files around the code: go.mod, Makefile, Dockerfile, CI, linters, the gate policy and ignore lists.</summary>
internal static class ProjectFilesWriter
{
    public static IEnumerable<ScaffoldFile> Write(string module, GoFramework framework, string binary)
    {
        yield return new("go.mod", DebianGoModules.GoMod(module, framework));
        yield return new("Makefile", Makefile(binary));
        yield return new("Dockerfile", Dockerfile());
        yield return new(".dockerignore", ".git\ndata.db*\ncoverage.out\ntest.json\nroutes.txt\ngate-report/\n");
        yield return new(".gitignore", "/data.db*\n/coverage.out\n/test.json\n/routes.txt\n/gate-report/\n/bin/\n");
        yield return new(".golangci.yml", GolangCi);
        yield return new(".github/workflows/ci.yml", Ci);
        yield return new("jiedan.gate.yml", GatePolicy);
    }

    private static string Makefile(string binary) => $"""
        # make run | test | cover | lint | routes | gate | docker
        IMAGE ?= {binary}

        .PHONY: run test cover lint routes gate docker

        run:
        	go run ./cmd/server

        test:
        	go vet ./...
        	go test ./...

        cover:
        	go test -coverprofile=coverage.out ./...
        	go tool cover -func=coverage.out | tail -n 1

        lint:
        	golangci-lint run ./...

        routes:
        	go run ./cmd/server -routes > routes.txt

        # Evidence for Jiedan's delivery gate, then the gate itself (jiedan gate --run adds complexity and linters).
        gate: routes
        	go test -json -coverprofile=coverage.out ./... > test.json
        	jiedan gate . --run

        docker:
        	docker build -t $(IMAGE) .

        """;

    private static string Dockerfile() => """
        # syntax=docker/dockerfile:1
        # Build stage: CGO for SQLite (mattn/go-sqlite3 links libsqlite3).
        FROM golang:1.20-bookworm AS build
        RUN apt-get update \
            && apt-get install -y --no-install-recommends libsqlite3-dev \
            && rm -rf /var/lib/apt/lists/*
        WORKDIR /src
        COPY . .
        RUN CGO_ENABLED=1 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

        # Run stage: a slim Debian with the SQLite library, as a user without privileges.
        FROM debian:bookworm-slim
        RUN apt-get update \
            && apt-get install -y --no-install-recommends libsqlite3-0 ca-certificates \
            && rm -rf /var/lib/apt/lists/* \
            && useradd --system --uid 10001 --home-dir /data --create-home app
        COPY --from=build /out/server /usr/local/bin/server
        USER 10001
        WORKDIR /data
        ENV ADDR=0.0.0.0:8080 DATABASE=/data/data.db
        EXPOSE 8080
        HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
            CMD ["/usr/local/bin/server", "-healthcheck", "-addr", "127.0.0.1:8080"]
        ENTRYPOINT ["/usr/local/bin/server"]

        """;

    private const string GolangCi = """
        run:
          timeout: 5m
        linters:
          enable:
            - errcheck
            - govet
            - staticcheck
            - unused
            - gosimple
            - ineffassign
            - gocyclo
            - gosec
            - misspell
        linters-settings:
          gocyclo:
            min-complexity: 15
        issues:
          exclude-dirs:
            - vendor

        """;

    private const string Ci = """
        name: ci
        on:
          push:
          pull_request:
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-go@v5
                with:
                  go-version-file: go.mod
              - name: Install SQLite
                run: sudo apt-get update && sudo apt-get install -y libsqlite3-dev
              - name: Vet
                run: go vet ./...
              - name: Test with coverage
                run: go test -race -coverprofile=coverage.out ./... && go tool cover -func=coverage.out | tail -n 1
              - name: golangci-lint
                uses: golangci/golangci-lint-action@v6
              - name: Build
                run: CGO_ENABLED=1 go build -o bin/server ./cmd/server

        """;

    /// <summary>The seed's delivery thresholds (SPEC capability 5), with the evidence this project writes.</summary>
    private const string GatePolicy = """
        # Jiedan delivery gate: `make gate` writes the evidence and runs `jiedan gate . --run`.
        version: 1
        coverage:
          min: 80
          profiles: [coverage.out]
        vulnerabilities:
          maxHigh: 0
        apiDocs:
          min: 95
          openapi: api/openapi.yaml
          routes: routes.txt
        complexity:
          max: 15
        goVersion:
          constraint: ">=1.20.0, <1.23.0"
          gomod: go.mod
        tests:
          required: true
          report: test.json
          maxFailed: 0

        """;
}
