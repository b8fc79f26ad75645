using Jiedan.Contract.Parity;
using Jiedan.Testing;

namespace Jiedan.Contract.Tests;

/// <summary>Every requirement file's contract, proved by the real tools: protoc compiles it, buf and redocly find nothing.</summary>
public sealed class ContractFilesTests
{
    public static TheoryData<string> Files => Requirements.All();

    [Fact]
    public void There_are_at_least_twenty_requirement_files() => Assert.True(Files.Count >= 20, $"only {Files.Count} files");

    [Theory]
    [MemberData(nameof(Files))]
    public void Protoc_compiles_it_and_every_constraint_has_parity(string file)
    {
        var contract = Requirements.Generate(file);
        var descriptors = ContractTools.DescriptorSet(contract.ProtoText, contract.ProtoFileName);

        var report = ContractParity.Check(contract.Plan, descriptors, contract.OpenApiYaml);

        Assert.True(report.Complete, string.Join("\n", report.Differences));
        Assert.All(report.Fields, f => Assert.True(f.Same));
        var compared = contract.Plan.Schemas.Sum(m => m.Fields.Count);
        Assert.Equal(compared, report.Fields.Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Buf_lint_with_standard_and_protovalidate_rules_reports_nothing(string file)
    {
        var contract = Requirements.Generate(file);

        var lint = ContractTools.BufLint(contract.ProtoText, contract.ProtoFileName, contract.Plan.Package);

        Assert.True(lint.Exit == 0 && lint.Output.Length == 0, $"buf lint exit {lint.Exit}:\n{lint.Output}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Redocly_lint_reports_no_error(string file)
    {
        var contract = Requirements.Generate(file);

        var lint = ContractTools.RedoclyLint(contract.OpenApiYaml);

        Assert.True(lint.Exit == 0, $"redocly lint exit {lint.Exit}:\n{lint.Output}");
        Assert.Contains("Your API description is valid", lint.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" error ", lint.Output, StringComparison.Ordinal);
    }
}
