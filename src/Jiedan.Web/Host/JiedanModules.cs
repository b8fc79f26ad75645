using Jiedan.Accounts;
using Jiedan.Bot;
using Jiedan.Common.Modules;
using Jiedan.Common.Web;
using Jiedan.Contract;
using Jiedan.Credibility;
using Jiedan.Scaffold;
using Jiedan.Deals;
using Jiedan.Gate;
using Jiedan.Incidents;
using Jiedan.Loc;
using Jiedan.Pipeline;
using Jiedan.Quote;
using Jiedan.Rates;

namespace Jiedan.Web.Host;

/// <summary>
/// The capabilities: the one list the web host and the <c>jiedan</c> command read. A new capability
/// is one module, one test project and a line here (docs/ARCHITECTURE.md, "Adding a capability"). The order is the
/// order of the navigation, of the API's paths in the OpenAPI document and of <c>jiedan --help</c>.
/// </summary>
public static class JiedanModules
{
    public static IReadOnlyList<IJiedanModule> All { get; } =
    [
        new AccountsModule(),
        new DealsModule(),
        new GateModule(),
        new PipelineModule(),
        new RatesModule(),
        new QuoteModule(),
        new ContractModule(),
        new ScaffoldModule(),
        new BotModule(),
        new IncidentsModule(),
        new CredibilityModule(),
        new LocModule(),
    ];

    /// <summary>The UI texts of the host and every module.</summary>
    public static Texts Texts() => new([typeof(JiedanModules).Assembly, .. All.Select(m => m.GetType().Assembly)]);
}
