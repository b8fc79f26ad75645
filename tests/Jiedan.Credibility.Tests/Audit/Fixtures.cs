namespace Jiedan.Credibility.Tests.Audit;

/// <summary>Repositories whose every check is labelled by hand.</summary>
internal static class Fixtures
{
    public const string EnglishReadme = """
        # Widget

        A widget library.

        ## Quick Start

        ```sh
        go get github.com/acme/widget
        go test ./...
        ```

        ## Architecture

        One package; the parser feeds the renderer.

        ## Extensibility

        Implement `Renderer`.

        ## Testing Strategy

        Table tests and a fuzz target.
        """;

    public const string ChineseReadme = """
        # 小组件

        快速开始
        ========

        ```bash
        $ make run
        ```

        ## 架构设计

        单个包。

        ## 扩展

        实现 Renderer 接口。

        ## 测试策略

        表驱动测试。
        """;

    public const string Mit = """
        MIT License

        Copyright (c) 2026 Acme

        Permission is hereby granted, free of charge, to any person obtaining a copy
        of this software and associated documentation files (the "Software"), to deal
        in the Software without restriction.

        THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
        """;

    public const string Workflow = """
        name: ci
        on: [push, pull_request]
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-go@v5
              - name: test
                run: go test -race ./...
        """;

    public const string Library = """
        // Package widget renders widgets.
        package widget

        // Widget is a thing to render.
        type Widget struct{ Name string }

        // Render draws w.
        func (w Widget) Render() string { return w.Name }

        // Limits of a widget.
        const (
            MaxName = 64
            MinName = 1
        )

        // New makes a widget.
        func New(name string) Widget { return Widget{Name: name} }

        func helper() {}
        """;

    public const string LibraryTest = """
        package widget

        import "testing"

        func TestRender(t *testing.T) {
            if New("a").Render() != "a" {
                t.Fatal("render")
            }
        }

        func BenchmarkRender(b *testing.B) {
            for i := 0; i < b.N; i++ {
                New("a").Render()
            }
        }
        """;

    /// <summary>Every check passes: github.com/acme/widget, a library at the root, tagged v1.2.0.</summary>
    public static GitRepo Exemplary(string readme = EnglishReadme)
    {
        var repo = new GitRepo()
            .Write("go.mod", "module github.com/acme/widget\n\ngo 1.22\n")
            .Write("README.md", readme)
            .Write("LICENSE", Mit)
            .Write(".github/workflows/ci.yml", Workflow)
            .Write("widget.go", Library)
            .Write("widget_test.go", LibraryTest)
            .Write("cmd/widget/main.go", "package main\n\nfunc main() {}\n")
            .Commit("first", daysAgo: 200)
            .Tag("v1.0.0")
            .Commit("second", daysAgo: 10)
            .Tag("v1.2.0")
            .Tag("not-a-release");
        repo.Remote("git@github.com:acme/widget.git");
        return repo;
    }
}
