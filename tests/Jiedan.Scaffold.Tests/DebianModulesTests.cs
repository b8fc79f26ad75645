using System.Text.RegularExpressions;
using Jiedan.Domain.Scaffold;

namespace Jiedan.Scaffold.Tests;

/// <summary>The pinned versions are Debian's (dpkg), and the vendored package lists are what go list says a build imports.</summary>
public sealed partial class DebianModulesTests
{
    [Fact]
    public void Every_pinned_version_is_the_one_Debian_ships()
    {
        foreach (var module in DebianGoModules.All(GoFramework.Gin))
        {
            var dpkg = GoTool.Run("/", "dpkg-query", TimeSpan.FromSeconds(30), "-W", "-f=${Version}", module.DebianPackage);
            Assert.True(dpkg.Exit == 0, $"{module.DebianPackage}: {dpkg}");
            var upstream = DebianVersion().Match(dpkg.Out).Groups["v"].Value;
            Assert.Equal("v" + upstream, module.Version);
        }
    }

    [Theory]
    [InlineData(GoFramework.Gin)]
    [InlineData(GoFramework.Stdlib)]
    public void The_vendored_packages_are_exactly_what_a_linux_build_imports(GoFramework framework)
    {
        string[] roots = framework == GoFramework.Gin
            ? ["github.com/gin-gonic/gin", "github.com/mattn/go-sqlite3"]
            : ["github.com/mattn/go-sqlite3"];
        var format = "{{if not .Standard}}{{.ImportPath}}{{end}}";
        var start = new System.Diagnostics.ProcessStartInfo("go", ["list", "-deps", "-f", format, .. roots])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GO111MODULE"] = "off";
        start.Environment["GOPATH"] = "/usr/share/gocode";
        using var go = System.Diagnostics.Process.Start(start)!;
        var listed = go.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        go.WaitForExit();

        Assert.Equal(listed, DebianGoModules.All(framework).SelectMany(m => m.Packages).Order(StringComparer.Ordinal));
    }

    // 1:0.7.0+dfsg-1 → 0.7.0; 1.14.16~ds1-1 → 1.14.16
    [GeneratedRegex(@"^(\d+:)?(?<v>\d+\.\d+\.\d+)")]
    private static partial Regex DebianVersion();
}
