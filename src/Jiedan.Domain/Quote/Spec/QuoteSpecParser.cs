using System.Globalization;
using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Jiedan.Domain.Quote.Spec;

/// <summary>
/// Reads a quote spec from YAML (JSON is YAML too, so the API's JSON bodies go through here as well). Every problem
/// is a <see cref="QuoteSpecException"/> naming the file, the line and column of the offending node, and the field.
/// Unknown keys are errors: a misspelt <c>uptime_pct</c> must not silently fall back to a default.
/// </summary>
public static class QuoteSpecParser
{
    private static readonly string[] TopLevelKeys =
        ["title", "client", "platform", "seniority", "currency", "hourly_rate", "size", "function_points", "sla", "tech_debt", "weights",
            "validity_days", "factors", "architecture", "milestones"];

    public static QuoteSpec Parse(string text, string source)
    {
        if (text.Length > QuoteFieldLimits.SpecText)
        {
            var problem = $"a spec is at most {QuoteFieldLimits.SpecText} characters";
            throw new QuoteSpecException(source, new SpecMark(1, 1), "(document)", problem);
        }
        var root = Load(text, source);
        var p = new Reader(source);
        var map = p.Mapping(root, "(document)");
        p.OnlyKeys(map, "", TopLevelKeys);

        var platformNode = p.Required(map, root, "platform");
        var platformText = p.Text(platformNode, "platform");
        if (!PlatformNames.TryParse(platformText, out var platform))
        {
            var known = string.Join(", ", Enum.GetNames<Platform>().Select(n => n.ToLowerInvariant()));
            throw p.Error(platformNode, "platform", $"unknown platform (known: {known}, 码市, 程序员客栈, 开源众包)");
        }
        var bandNode = p.Required(map, root, "seniority");
        var bandText = p.Text(bandNode, "seniority");
        if (!SeniorityBandNames.TryParse(bandText, out var band))
            throw p.Error(bandNode, "seniority", "unknown seniority band (junior, mid, senior / 初级, 中级, 高级)");

        Currency? currency = null;
        var currencyNode = p.Optional(map, "currency");
        if (currencyNode is not null)
        {
            var code = p.Text(currencyNode, "currency");
            if (!Currency.TryParse(code, out var c))
                throw p.Error(currencyNode, "currency", $"unknown currency (known: {string.Join(", ", Currency.Known.Keys)})");
            currency = c;
        }

        (decimal, decimal)? rate = null;
        if (p.Optional(map, "hourly_rate") is { } rateNode)
        {
            var r = p.Mapping(rateNode, "hourly_rate");
            p.OnlyKeys(r, "hourly_rate", ["low", "high"]);
            var low = p.Decimal(p.Required(r, rateNode, "low", "hourly_rate."), "hourly_rate.low", min: 0, minExclusive: true);
            var highNode = p.Required(r, rateNode, "high", "hourly_rate.");
            var high = p.Decimal(highNode, "hourly_rate.high", min: 0, minExclusive: true);
            if (high < low) throw p.Error(highNode, "hourly_rate.high", $"high ({high}) is below low ({low})");
            rate = (low, high);
        }

        long? lines = null;
        string? repository = null;
        var repositoryMark = default(SpecMark);
        if (p.Optional(map, "size") is { } sizeNode)
        {
            var s = p.Mapping(sizeNode, "size");
            p.OnlyKeys(s, "size", ["lines", "repository"]);
            var linesNode = p.Optional(s, "lines");
            var repoNode = p.Optional(s, "repository");
            if (linesNode is not null && repoNode is not null)
                throw p.Error(repoNode, "size.repository", "give either size.lines or size.repository, not both");
            if (linesNode is not null) lines = (long)p.Decimal(linesNode, "size.lines", min: 0, max: 1_000_000_000, integer: true);
            if (repoNode is not null) { repository = p.Text(repoNode, "size.repository"); repositoryMark = Mark(repoNode); }
        }

        var features = p.Optional(map, "function_points") is { } fpNode ? Features(p, fpNode) : [];

        var slaNode = p.Required(map, root, "sla");
        var slaMap = p.Mapping(slaNode, "sla");
        p.OnlyKeys(slaMap, "sla", ["p99_ms", "uptime_percent", "support"]);
        var p99Node = p.Required(slaMap, slaNode, "p99_ms", "sla.");
        var uptimeNode = p.Required(slaMap, slaNode, "uptime_percent", "sla.");
        var p99 = p.Decimal(p99Node, "sla.p99_ms");
        var uptime = p.Decimal(uptimeNode, "sla.uptime_percent");
        if (SlaTarget.Validate(p99, uptime) is { } slaProblem)
            throw p.Error(slaProblem.Field == "p99_ms" ? p99Node : uptimeNode, "sla." + slaProblem.Field, slaProblem.Message);

        decimal? debt = null;
        var measure = false;
        string? lint = null;
        SpecMark debtMark = default, lintMark = default;
        if (p.Optional(map, "tech_debt") is { } debtNode)
        {
            debtMark = Mark(debtNode);
            var d = p.Mapping(debtNode, "tech_debt");
            p.OnlyKeys(d, "tech_debt", ["ratio_percent", "measure", "golangci_lint"]);
            if (p.Optional(d, "ratio_percent") is { } ratioNode)
                debt = p.Decimal(ratioNode, "tech_debt.ratio_percent", min: 0, max: TechDebtRatio.MaxPercent);
            if (p.Optional(d, "measure") is { } measureNode) measure = p.Bool(measureNode, "tech_debt.measure");
            if (p.Optional(d, "golangci_lint") is { } lintNode) { lint = p.Text(lintNode,
                "tech_debt.golangci_lint"); lintMark = Mark(lintNode); measure = true; }
            if (debt is not null && measure)
                throw p.Error(debtNode, "tech_debt", "give either ratio_percent or measure/golangci_lint, not both");
        }

        var weights = LayerWeights.Default;
        if (p.Optional(map, "weights") is { } weightsNode)
        {
            var w = p.Mapping(weightsNode, "weights");
            p.OnlyKeys(w, "weights", ["size", "function_points", "sla"]);
            decimal Weight(string key) => p.Optional(w, key) is { } n
                ? p.Decimal(n, "weights." + key) : LayerWeights.Default.Of(LayerFor(key));
            var (size, fp, sla) = (Weight("size"), Weight("function_points"), Weight("sla"));
            if (LayerWeights.Validate(size, fp, sla) is { } wp)
                throw p.Error(wp.Field == "weights" ? weightsNode : p.Optional(w, wp.Field) ?? weightsNode, wp.Field == "weights"
                    ? "weights" : "weights." + wp.Field, wp.Message);
            weights = new LayerWeights(size, fp, sla);
        }

        var validity = p.Optional(map, "validity_days") is { } vNode
            ? (int)p.Decimal(vNode, "validity_days", min: 1, max: QuoteSpec.MaxValidityDays, integer: true)
            : QuoteSpec.DefaultValidityDays;

        var factors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (p.Optional(map, "factors") is { } factorsNode)
        {
            var factorMap = p.Mapping(factorsNode, "factors");
            if (factorMap.Children.Count > QuoteFieldLimits.Factors)
                throw p.Error(factorsNode, "factors", $"at most {QuoteFieldLimits.Factors} factors");
            foreach (var (k, v) in factorMap.Children)
            {
                var key = p.Text(k, "factors", QuoteFieldLimits.FactorText);
                factors[key] = p.Text(v, "factors." + key, QuoteFieldLimits.FactorText);
            }
        }

        var terms = new ProposalTerms(
            p.Optional(map, "architecture") is { } archNode ? Architecture(p, archNode) : null,
            p.Optional(slaMap, "support") is { } supportNode ? p.Text(supportNode, "sla.support", QuoteFieldLimits.SupportWindow) : null,
            p.Optional(map, "milestones") is { } msNode ? Milestones(p, msNode) : []);

        if (lines is null && repository is null && features.Count == 0)
            throw p.Error(root, "size", "a quote needs size.lines, size.repository or at least one function_points feature");
        if (measure && repository is null)
            throw p.Error(p.Optional(map, "tech_debt")!, "tech_debt.measure", "measuring tech debt needs size.repository");

        return new QuoteSpec
        {
            Title = p.Optional(map, "title") is { } t ? p.Text(t, "title", QuoteFieldLimits.Title) : null,
            Client = p.Optional(map, "client") is { } cl ? p.Text(cl, "client", QuoteFieldLimits.Client) : null,
            Platform = platform, PlatformMark = Mark(platformNode),
            Seniority = band, SeniorityMark = Mark(bandNode),
            Currency = currency, CurrencyMark = currencyNode is null ? default : Mark(currencyNode),
            HourlyRate = rate,
            Lines = lines, Repository = repository, RepositoryMark = repositoryMark,
            Features = features,
            Sla = new SlaTarget(p99, uptime),
            TechDebtPercent = debt, MeasureTechDebt = measure, TechDebtMark = debtMark,
            GolangciLint = lint, GolangciLintMark = lintMark,
            Weights = weights, ValidityDays = validity, Factors = factors, Terms = terms,
        };
    }

    private static string Architecture(Reader p, YamlNode node)
    {
        var text = p.Text(node, "architecture", QuoteFieldLimits.Architecture);
        var first = text.Split([' ', '\n', '\r', '\t'], 2, StringSplitOptions.RemoveEmptyEntries)[0];
        if (!ProposalTerms.MermaidDiagramTypes.Contains(first, StringComparer.Ordinal))
            throw p.Error(node, "architecture",
                "must be a Mermaid diagram starting with its type, e.g. 'flowchart LR' (see the README jiedan scaffold writes)");
        return text;
    }

    private static List<Milestone> Milestones(Reader p, YamlNode node)
    {
        if (node is not YamlSequenceNode seq) throw p.Error(node, "milestones", "must be a list of { name, due, amount }");
        if (seq.Children.Count > QuoteFieldLimits.Milestones)
            throw p.Error(node, "milestones", $"at most {QuoteFieldLimits.Milestones} milestones");
        var milestones = new List<Milestone>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = $"milestones[{i}]";
            var item = seq.Children[i];
            var m = p.Mapping(item, path);
            p.OnlyKeys(m, path, ["name", "due", "amount"]);
            var name = p.Text(p.Required(m, item, "name", path + "."), path + ".name", QuoteFieldLimits.MilestoneName);
            DateOnly? due = null;
            if (p.Optional(m, "due") is { } dueNode)
            {
                if (!DateOnly.TryParseExact(p.Text(dueNode, path + ".due"), "yyyy-MM-dd", CultureInfo.InvariantCulture,
                        DateTimeStyles.None, out var d))
                    throw p.Error(dueNode, path + ".due", "must be a date, yyyy-mm-dd");
                due = d;
            }
            decimal? amount = p.Optional(m, "amount") is { } amountNode
                ? p.Decimal(amountNode, path + ".amount", min: 0, minExclusive: true, max: 1_000_000_000m)
                : null;
            if (due is null && amount is null) throw p.Error(item, path, "a milestone needs a due date, an amount or both");
            milestones.Add(new Milestone(name, due, amount));
        }
        return milestones;
    }

    private static List<FeatureChain> Features(Reader p, YamlNode node)
    {
        if (node is not YamlSequenceNode seq) throw p.Error(node, "function_points", "must be a list of features");
        var features = new List<FeatureChain>();
        var known = new Dictionary<string, (EventStep Step, YamlNode Node)>(StringComparer.Ordinal);
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = $"function_points[{i}]";
            var item = seq.Children[i];
            var f = p.Mapping(item, path);
            p.OnlyKeys(f, path, ["feature", "chain", "steps"]);
            var name = p.Text(p.Required(f, item, "feature", path + "."), path + ".feature");
            var chainNode = p.Required(f, item, "chain", path + ".");
            var events = FeatureChain.SplitChain(p.Text(chainNode, path + ".chain"));
            if (events.Count == 0) throw p.Error(chainNode, path + ".chain",
                "a chain names at least one event, e.g. OrderCreated → InventoryDeduct");

            var defined = new Dictionary<string, (EventStep, YamlNode)>(StringComparer.Ordinal);
            if (p.Optional(f, "steps") is { } stepsNode)
                foreach (var (k, v) in p.Mapping(stepsNode, path + ".steps").Children)
                {
                    var eventName = p.Text(k, path + ".steps");
                    var stepPath = $"{path}.steps.{eventName}";
                    if (!events.Contains(eventName)) throw p.Error(k, stepPath,
                        $"'{eventName}' is not in the chain '{string.Join(" → ", events)}'");
                    defined[eventName] = (Step(p, eventName, v, stepPath), v);
                }

            var steps = new List<EventStep>();
            foreach (var e in events)
            {
                if (defined.TryGetValue(e, out var d))
                {
                    if (known.TryGetValue(e, out var earlier) && earlier.Step != d.Item1)
                        throw p.Error(d.Item2, $"{path}.steps.{e}",
                            $"'{e}' is {d.Item1.Type} {d.Item1.Complexity} here but " +
                            $"{earlier.Step.Type} {earlier.Step.Complexity} at line {Mark(earlier.Node).Line}; one event is one function");
                    known.TryAdd(e, d);
                    steps.Add(d.Item1);
                }
                else if (known.TryGetValue(e, out var earlier)) steps.Add(earlier.Step);
                else throw p.Error(chainNode, path + ".chain",
                    $"event '{e}' has no type and complexity: add it under steps, e.g. {e}: EI average");
            }
            features.Add(new FeatureChain(name, steps));
        }
        return features;
    }

    private static EventStep Step(Reader p, string name, YamlNode node, string path)
    {
        string typeText, complexityText;
        if (node is YamlMappingNode m)
        {
            p.OnlyKeys(m, path, ["type", "complexity"]);
            typeText = p.Text(p.Required(m, node, "type", path + "."), path + ".type");
            complexityText = p.Text(p.Required(m, node, "complexity", path + "."), path + ".complexity");
        }
        else
        {
            var parts = p.Text(node, path).Split([' ', '/', ','], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2) throw p.Error(node, path,
                $"write the step as 'TYPE COMPLEXITY', e.g. 'EI average', or as {{ type: EI, complexity: average }}");
            (typeText, complexityText) = (parts[0], parts[1]);
        }
        if (!FunctionPointWeights.TryParseType(typeText, out var type))
            throw p.Error(node, path, "unknown function type (EI, EO, EQ, ILF, EIF)");
        if (!FunctionPointWeights.TryParseComplexity(complexityText, out var complexity))
            throw p.Error(node, path, "unknown complexity (low, average, high)");
        return new EventStep(name, type, complexity);
    }

    private static QuoteLayer LayerFor(string key) => key switch
    {
        "size" => QuoteLayer.Size,
        "function_points" => QuoteLayer.FunctionPoints,
        _ => QuoteLayer.Sla,
    };

    private static YamlNode Load(string text, string source)
    {
        YamlStream stream;
        try { stream = BoundedYaml.Load(text); }
        catch (PositionedParseException e)
        {
            throw new QuoteSpecException(source, new SpecMark((int)e.Line, (int)e.Column), "(yaml)", e.Problem);
        }
        if (stream.Documents.Count == 0) throw new QuoteSpecException(source, new SpecMark(1, 1), "(document)", "the spec is empty");
        if (stream.Documents.Count > 1) throw new QuoteSpecException(source, Mark(stream.Documents[1].RootNode), "(document)",
            "one spec per file");
        return stream.Documents[0].RootNode;
    }

    internal static SpecMark Mark(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Typed access to nodes, each failure pointing at its node.</summary>
    private sealed class Reader(string source)
    {
        public QuoteSpecException Error(YamlNode node, string field, string message) => new(source, Mark(node), field, message);

        public YamlMappingNode Mapping(YamlNode node, string field) =>
            node as YamlMappingNode ?? throw Error(node, field, "must be a mapping of keys to values");

        public void OnlyKeys(YamlMappingNode map, string prefix, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = key is YamlScalarNode s ? s.Value ?? "" : "";
                var label = name.Length == 0 ? "(empty key)" : name;
                if (!allowed.Contains(name))
                    throw Error(key, prefix.Length == 0 ? label : $"{prefix}.{label}",
                        $"unknown key '{name}' (expected one of: {string.Join(", ", allowed)})");
            }
        }

#pragma warning disable CA1822 // read like the reader's other accessors (p.Text, p.Bool), which use its state
        public YamlNode? Optional(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var v) && !IsNull(v) ? v : null;
#pragma warning restore CA1822

        public YamlNode Required(YamlMappingNode map, YamlNode parent, string key, string prefix = "") =>
            Optional(map, key) ?? throw Error(parent, prefix + key, "is required");

        public string Text(YamlNode node, string field, int maxLength = 1000)
        {
            var value = (node as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(value)) throw Error(node, field, "must be a non-empty text value");
            return value.Length > maxLength ? throw Error(node, field, $"must be at most {maxLength} characters") : value;
        }

        public bool Bool(YamlNode node, string field) => Text(node, field).ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(node, field, "must be true or false"),
        };

        public decimal Decimal(YamlNode node, string field, decimal? min = null, decimal? max = null, bool minExclusive = false,
            bool integer = false)
        {
            var text = Text(node, field).Replace("_", "", StringComparison.Ordinal);
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw Error(node, field, "must be a number");
            if (integer && v != Math.Floor(v)) throw Error(node, field, "must be a whole number");
            if (min is { } lo && (v < lo || (minExclusive && v == lo)))
                throw Error(node, field, $"must be {(minExclusive ? "above" : "at least")} {lo}");
            if (max is { } hi && v > hi) throw Error(node, field, $"must be at most {hi}");
            return v;
        }

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: not ScalarStyle.SingleQuoted and not ScalarStyle.DoubleQuoted } s
            && (s.Value is null or "" or "~" or "null");
    }
}
