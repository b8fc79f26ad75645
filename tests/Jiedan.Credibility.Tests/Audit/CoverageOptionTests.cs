namespace Jiedan.Credibility.Tests.Audit;

/// <summary><c>--coverage</c> runs the repository's own tests with go (installed on the build box) and shows the figure;
/// failing tests are a note beside the figure, not a crash.</summary>
public sealed class CoverageOptionTests
{
    [Fact]
    public async Task Coverage_is_measured_with_go_test_only_when_asked()
    {
        using var repo = Fixtures.Exemplary();
        var (_, plain) = await AuditCommandTests.AuditJsonAsync(repo.Root);
        Assert.Equal("1 *_test.go files", AuditCommandTests.Check(plain, "tests").GetProperty("evidence").GetString());

        var (_, measured) = await AuditCommandTests.AuditJsonAsync(repo.Root, "--coverage");
        Assert.Equal("1 *_test.go files; coverage 100% of statements (go test -cover)",
            AuditCommandTests.Check(measured, "tests").GetProperty("evidence").GetString());

        repo.Write("broken_test.go", "package widget\n\nimport \"testing\"\n\nfunc TestBroken(t *testing.T) { t.Fatal(\"no\") }\n");
        var (_, failing) = await AuditCommandTests.AuditJsonAsync(repo.Root, "--coverage");
        var tests = AuditCommandTests.Check(failing, "tests");
        Assert.True(tests.GetProperty("passed").GetBoolean());
        Assert.Equal("2 *_test.go files; coverage 100% of statements (go test -cover); go test exited with 1",
            tests.GetProperty("evidence").GetString());
    }
}
