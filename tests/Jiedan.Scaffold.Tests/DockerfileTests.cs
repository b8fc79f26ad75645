using System.Text.RegularExpressions;
using Jiedan.Domain.Contract;
using Jiedan.Domain.Scaffold;

namespace Jiedan.Scaffold.Tests;

/// <summary>
/// No Docker engine runs here and hadolint is not packaged by Debian, so the generated Dockerfile is read instruction by
/// instruction (continuation lines joined, as Docker's parser does) and held to the rules hadolint would check.
/// </summary>
public sealed partial class DockerfileTests
{
    private static IReadOnlyList<(string Instruction, string Arguments)> Instructions()
    {
        var contract = ContractGenerator.Generate(RequirementReader.Read(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "requirements", "orders.yml")), "orders.yml"));
        var text = GoScaffold.Generate(contract, new ScaffoldOptions("github.com/you/orders")).Single(f => f.Path == "Dockerfile").Text;
        var joined = Continuation().Replace(text, " ");
        return [.. joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (l.Split(' ', 2)[0].ToUpperInvariant(), l.Split(' ', 2).ElementAtOrDefault(1) ?? ""))];
    }

    [Fact]
    public void It_is_multi_stage_with_cgo_a_pinned_base_a_non_root_user_and_a_health_check()
    {
        var all = Instructions();
        Assert.All(all, i => Assert.Contains(i.Instruction, Known));
        var froms = all.Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();
        Assert.Equal(2, froms.Count);
        Assert.Matches(@"^golang:1\.\d+-bookworm AS build$", froms[0]);
        Assert.All(froms, f => Assert.DoesNotContain(":latest", f, StringComparison.Ordinal));
        Assert.All(froms, f => Assert.Contains(':', f));
        Assert.Contains(all, i => i.Instruction == "RUN" && i.Arguments.Contains("CGO_ENABLED=1 go build", StringComparison.Ordinal));
        var final = all.SkipWhile(i => i.Arguments != froms[1]).ToList();
        Assert.Contains(final, i => i.Instruction == "COPY" && i.Arguments.StartsWith("--from=build ", StringComparison.Ordinal));
        var user = final.Last(i => i.Instruction == "USER").Arguments;
        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        Assert.Contains(final, i => i.Instruction == "HEALTHCHECK" && i.Arguments.Contains("-healthcheck", StringComparison.Ordinal));
        foreach (var run in all.Where(i => i.Instruction == "RUN" && i.Arguments.Contains("apt-get install", StringComparison.Ordinal)))
        {
            Assert.Contains("--no-install-recommends", run.Arguments, StringComparison.Ordinal); // hadolint DL3015
            Assert.Contains("rm -rf /var/lib/apt/lists/*", run.Arguments, StringComparison.Ordinal); // DL3009
            Assert.Contains("-y", run.Arguments, StringComparison.Ordinal); // DL3014
        }
        Assert.Equal("ENTRYPOINT", all[^1].Instruction);
        Assert.StartsWith("[", all[^1].Arguments, StringComparison.Ordinal); // exec form: signals reach the server (DL3025)
    }

    private static readonly string[] Known = ["FROM", "RUN", "WORKDIR", "COPY", "USER", "ENV", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT"];

    [GeneratedRegex(@"\\\n\s*")]
    private static partial Regex Continuation();
}
