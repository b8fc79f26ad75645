using Jiedan.Domain.Gate.GoModules;

namespace Jiedan.Domain.Tests.Gate;

/// <summary>Cases follow the Masterminds semver v3 README and its constraint tests' semantics.</summary>
public sealed class VersionConstraintTests
{
    [Theory]
    // comma AND, the seed's Go constraint
    [InlineData(">=1.20.0, <1.23.0", "1.20.0", true)]
    [InlineData(">=1.20.0, <1.23.0", "1.22.9", true)]
    [InlineData(">=1.20.0, <1.23.0", "1.23.0", false)]
    [InlineData(">=1.20.0, <1.23.0", "1.19.8", false)]
    [InlineData(">= 1.20 < 1.23", "1.21", true)]
    // = and bare
    [InlineData("=1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    [InlineData("=1.2", "1.2.9", true)]
    [InlineData("=1.2", "1.3.0", false)]
    // !=
    [InlineData("!=1.2.3", "1.2.4", true)]
    [InlineData("!=1.2.3", "1.2.3", false)]
    [InlineData("!=1.2.x", "1.2.7", false)]
    [InlineData("!=1.2.x", "1.3.0", true)]
    // > and >=, => alias
    [InlineData(">1.2.3", "1.2.4", true)]
    [InlineData(">1.2.3", "1.2.3", false)]
    [InlineData(">1.2", "1.2.9", false)]
    [InlineData(">1.2", "1.3.0", true)]
    [InlineData(">1", "1.9.9", false)]
    [InlineData(">1", "2.0.0", true)]
    [InlineData(">=1.2.3", "1.2.3", true)]
    [InlineData("=>1.2.3", "1.2.2", false)]
    // < and <=, =< alias
    [InlineData("<1.2.3", "1.2.2", true)]
    [InlineData("<1.2.3", "1.2.3", false)]
    [InlineData("<=1.2.3", "1.2.3", true)]
    [InlineData("=<1.2.3", "1.2.4", false)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("<=1.2", "1.3.0", false)]
    [InlineData("<=1.x", "1.99.0", true)]
    [InlineData("<=1.x", "2.0.0", false)]
    // ~ and ~>
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("~1.2.3", "1.2.2", false)]
    [InlineData("~1.2", "1.2.0", true)]
    [InlineData("~1", "1.9.0", true)]
    [InlineData("~1", "2.0.0", false)]
    [InlineData("~>1.2.x", "1.2.5", true)]
    [InlineData("~>2.x", "2.5.0", true)]
    [InlineData("~0.0.0", "5.0.0", true)]
    // ^
    [InlineData("^1.2.3", "1.9.0", true)]
    [InlineData("^1.2.3", "2.0.0", false)]
    [InlineData("^1.2.3", "1.2.2", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.3", true)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^0.0", "0.0.9", true)]
    [InlineData("^0.0", "0.1.0", false)]
    [InlineData("^0", "0.9.0", true)]
    [InlineData("^0", "1.0.0", false)]
    // wildcards x, X, *
    [InlineData("1.2.x", "1.2.7", true)]
    [InlineData("1.2.X", "1.3.0", false)]
    [InlineData("1.*", "1.8.0", true)]
    [InlineData("*", "9.9.9", true)]
    [InlineData(">=1.2.x", "1.2.0", true)]
    // || OR
    [InlineData("<1.20 || >=1.22", "1.19.0", true)]
    [InlineData("<1.20 || >=1.22", "1.21.5", false)]
    [InlineData("<1.20 || >=1.22", "1.22.0", true)]
    // hyphen range
    [InlineData("1.2 - 1.4.5", "1.3.0", true)]
    [InlineData("1.2 - 1.4.5", "1.4.6", false)]
    [InlineData("1.2 - 1.4.5", "1.1.9", false)]
    // prereleases only match when the alternative names one; Go's rc spelling
    [InlineData(">=1.20.0", "1.21rc1", false)]
    [InlineData(">=1.21.0-rc1", "1.21rc2", true)]
    [InlineData(">=1.21.0-rc1", "1.21.0", true)]
    [InlineData(">=1.21.0-rc2", "1.21rc1", false)]
    // go.mod and toolchain spellings
    [InlineData(">=1.20.0, <1.23.0", "go1.22.3", true)]
    [InlineData(">=1.20.0, <1.23.0", "v1.24.0", false)]
    public void Checks_versions_like_masterminds_semver(string constraint, string version, bool expected)
    {
        var c = VersionConstraint.Parse(constraint);
        Assert.Equal(expected, c.IsSatisfiedBy(SemanticVersion.Parse(version)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(">=")]
    [InlineData(">=1.2.3 <<2")]
    [InlineData("1.2.3 ||")]
    [InlineData("abc")]
    [InlineData(">=1.a")]
    public void Rejects_improper_constraints(string constraint)
    {
        Assert.False(VersionConstraint.TryParse(constraint, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.9.0", "1.10.0")]
    public void Orders_versions_as_semver_2_section_11(string lower, string higher) =>
        Assert.True(SemanticVersion.Parse(lower).CompareTo(SemanticVersion.Parse(higher)) < 0);
}
