using System.Text;
using Jiedan.Domain.Credibility.Audit;

namespace Jiedan.Credibility.Tests.Audit;

/// <summary>The pure rules, one hand-labelled case each.</summary>
public sealed class AuditRulesTests
{
    [Theory]
    [InlineData("https://github.com/acme/widget.git", "github.com/acme/widget")]
    [InlineData("git@GitHub.com:acme/widget.git", "github.com/acme/widget")]
    [InlineData("ssh://git@github.com:22/acme/widget", "github.com/acme/widget")]
    [InlineData("https://user:secret@gitlab.com/group/sub/repo/", "gitlab.com/group/sub/repo")]
    [InlineData("/srv/git/repo", null)]
    [InlineData("https://github.com/acme", null)]
    [InlineData("ftp://github.com/acme/widget", null)]
    public void Remotes_are_read_as_host_and_path_without_credentials(string url, string? expected) =>
        Assert.Equal(expected, GitRemote.Parse(url)?.ModulePrefix);

    [Theory]
    [InlineData("MIT", "Permission is hereby granted, free of charge, to any person obtaining a\ncopy of this software")]
    [InlineData("Apache-2.0", "                                 Apache License\n                           Version 2.0, January 2004")]
    [InlineData("BSD-3-Clause", "Redistribution and use in source and binary forms, with or without\nmodification ... Neither the name of")]
    [InlineData("BSD-2-Clause", "Redistribution and use in source and binary forms, with or without modification")]
    [InlineData("GPL-3.0", "GNU GENERAL PUBLIC LICENSE\n Version 3, 29 June 2007")]
    [InlineData("LGPL-3.0", "GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007 ... GNU General Public License")]
    [InlineData("AGPL-3.0", "GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007")]
    [InlineData("MPL-2.0", "Mozilla Public License Version 2.0\n==================================")]
    [InlineData("Unlicense", "This is free and unencumbered software released into the public domain.")]
    [InlineData("ISC",
        "Permission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted")]
    [InlineData(null, "All rights reserved.")]
    public void Licenses_are_recognised_by_their_distinctive_phrases(string? spdx, string text) =>
        Assert.Equal(spdx, LicenseIdentifier.Identify(text));

    [Fact]
    public void Exported_identifiers_count_grouped_declarations_name_by_name_and_methods_of_exported_types_only()
    {
        const string source = """
            package p

            // A is documented.
            type A struct{}

            type b struct{}

            // M is documented.
            func (a *A) M() {}

            func (x b) N() {}

            var (
                // X is documented.
                X, Y = 1, 2
                Z    = 3
                z    = 4
            )

            func Undocumented[T any](t T) { _ = func() {} }
            """;
        var scan = GoSourceScan.Scan(Encoding.UTF8.GetBytes(source), "p.go");
        Assert.Equal("p", scan.Package);
        Assert.Equal(["A:True", "A.M:True", "X:True", "Y:True", "Z:False", "Undocumented:False"],
            scan.Exported.Select(e => $"{e.Name}:{e.Documented}"));
        Assert.Equal(20, scan.Exported[^1].Line);
    }

    [Fact]
    public void Benchmarks_need_a_testing_B_parameter()
    {
        const string source = "package p\n\nimport \"testing\"\n\nfunc BenchmarkA(b *testing.B) {}\n\nfunc BenchmarkHelper(n int) {}\n";
        Assert.Equal([new GoBenchmark("BenchmarkA", 5)], GoSourceScan.Scan(Encoding.UTF8.GetBytes(source), "p_test.go").Benchmarks);
    }

    private static RepositoryFacts Facts(params (string Dir, string Name)[] packages) =>
        new() { Repository = "r", Packages = packages.Select(p => new GoPackage(p.Dir, p.Name)).ToList() };

    [Fact]
    public void Layout_is_fair_to_libraries_servers_and_pkg_and_names_what_is_wrong()
    {
        var en = AuditLanguage.En;
        Assert.True(LayoutCheck.Evaluate(Facts(("", "widget")), en).Passed);
        Assert.True(LayoutCheck.Evaluate(Facts(("cmd/api", "main"), ("internal/store", "store"), ("pkg/client", "client")), en).Passed);
        Assert.True(LayoutCheck.Evaluate(Facts(("", "main"), ("internal/x", "x")), en).Passed);
        Assert.True(LayoutCheck.Evaluate(Facts(("prog1", "main"), ("prog2", "main")), en).Passed);
        var buried = LayoutCheck.Evaluate(Facts(("cmd/a", "main"), ("tools/gen", "main")), en);
        Assert.False(buried.Passed);
        Assert.Contains("command (package main) in tools/gen/, outside cmd/", buried.Evidence, StringComparison.Ordinal);
        var exposed = LayoutCheck.Evaluate(Facts(("", "main"), ("store", "store"), ("pkg/ok", "ok")), en);
        Assert.False(exposed.Passed);
        Assert.Contains("outside internal/: store", exposed.Evidence, StringComparison.Ordinal);
        var contracts = LayoutCheck.Evaluate(Facts(("", "x")) with { ContractFiles = ["api/a.proto", "proto/b.proto"] }, en);
        Assert.False(contracts.Passed);
        Assert.Contains("contract files outside api/: proto/b.proto", contracts.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_weights_sum_to_100_and_the_score_is_their_passing_share() =>
        Assert.Equal(100, AuditWeights.All.Values.Sum());

    [Theory]
    [InlineData(new[] { "v1.0.0", "v1.10.0", "v1.9.9", "v2.0.0-rc.1" }, "v2.0.0-rc.1")]
    [InlineData(new[] { "v2.0.0-rc.1", "v2.0.0" }, "v2.0.0")]
    [InlineData(new[] { "1.0.0", "v1", "release" }, null)]
    public void The_newest_semver_tag_is_by_precedence(string[] tags, string? newest)
    {
        var ordered = SemverTag.Of(tags);
        Assert.Equal(newest, ordered.Count > 0 ? ordered[0].Name : null);
    }
}
