using Jiedan.Common.Modules;

namespace Jiedan.Common.Cli;

/// <summary>
/// What a command registers (<see cref="CliRegistration"/>): the data registrations of the modules it uses, e.g.
/// <c>Needs.Of(DealsModule.RegisterData, GateModule.RegisterData)</c>, so a read opens only those contexts and checks
/// only their migrations.
/// </summary>
public static class Needs
{
    public static CliRegistration Of(params CliRegistration[] modules) => (services, target, configuration) =>
    {
        foreach (var register in modules) register(services, target, configuration);
    };

    /// <summary>Every module's data: what <c>jiedan db migrate</c> brings up to date.</summary>
    public static CliRegistration All(IEnumerable<IJiedanModule> modules) => (services, target, configuration) =>
    {
        foreach (var module in modules) module.AddData(services, target, configuration);
    };
}
