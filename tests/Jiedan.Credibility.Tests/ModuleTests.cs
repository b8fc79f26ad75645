using Jiedan.Web.Host;

namespace Jiedan.Credibility.Tests;

public sealed class ModuleTests
{
    [Fact]
    public void The_credibility_module_is_one_of_the_capabilities_the_host_and_the_cli_read() =>
        Assert.Contains(JiedanModules.All, m => m is CredibilityModule);
}
