using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Contract;

/// <summary>
/// Reads <c>requirement.yml</c> (docs/contract.md) into a <see cref="RequirementDocument"/>: bounded YAML, unknown keys
/// refused, and every rule a writer relies on checked here, so that a document this returns always yields a .proto that
/// compiles and an OpenAPI document that lints. Errors are <see cref="RequirementException"/>s naming the place.
/// </summary>
public static partial class RequirementReader
{
    private static readonly string[] RootKeys = ["service", "version", "terms", "entities"];
    private static readonly string[] TermKeys = ["p99_ms", "propagation_s", "availability"];

    public static RequirementDocument Read(string text, string fileName)
    {
        YamlTree root;
        try
        {
            root = BoundedYaml.Read(text, YamlTree.Build);
        }
        catch (PositionedParseException e)
        {
            throw new RequirementException(fileName, e.Line, e.Column, e.Problem, e);
        }
        return new Reader(fileName).Document(root);
    }

    private sealed class Reader(string file)
    {
        private readonly YamlFields _yaml = new(file);

        public RequirementDocument Document(YamlTree root)
        {
            var map = _yaml.Map(root, "the document", RootKeys);
            var serviceNode = _yaml.Require(map, root, "service");
            var service = _yaml.Text(serviceNode, "service");
            if (!Naming.IsLowerSnake(service))
                throw _yaml.Error(serviceNode, "service must be a lower_snake name (a-z, 0-9, _), at most 64 characters");
            if (ReservedNames.Why(service) is { } why) throw _yaml.Error(serviceNode, $"service '{service}' is {why}");
            var versionNode = _yaml.Require(map, root, "version");
            var version = _yaml.Text(versionNode, "version");
            if (!SemanticVersion().IsMatch(version))
                throw _yaml.Error(versionNode, "version must be MAJOR.MINOR.PATCH (for example 1.0.0)");
            var terms = map.TryGetValue("terms", out var t) ? Terms(t) : new ServiceTerms(null, null, null);
            var entitiesNode = _yaml.Require(map, root, "entities");
            var entityMap = _yaml.Entries(entitiesNode, "entities");
            if (entityMap.Count == 0) throw _yaml.Error(entitiesNode, "entities must name at least one entity");
            foreach (var (key, _) in entityMap)
            {
                if (!Naming.IsPascal(key.Value))
                    throw _yaml.Error(key, "an entity name must be PascalCase (User, OrderLine), at most 64 characters");
            }
            var names = entityMap.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
            var entities = entityMap.Select(e => new EntityReader(_yaml, names).Entity(e.Key, e.Value)).ToList();
            var document = new RequirementDocument(service, version, terms, entities);
            new NameClashes(_yaml, entityMap).Check(document);
            return document;
        }

        private ServiceTerms Terms(YamlTree node)
        {
            var map = _yaml.Map(node, "terms", TermKeys);
            long? p99 = map.TryGetValue("p99_ms", out var p) ? _yaml.Integer(p, "terms.p99_ms", 1, 3_600_000) : null;
            long? propagation = map.TryGetValue("propagation_s", out var s) ? _yaml.Integer(s, "terms.propagation_s", 0, 31_536_000) : null;
            decimal? availability = null;
            if (map.TryGetValue("availability", out var a))
            {
                availability = _yaml.Number(a, "terms.availability");
                if (availability is <= 0 or > 100) throw _yaml.Error(a, "terms.availability is a percentage above 0 and at most 100");
            }
            return new ServiceTerms(p99, propagation, availability);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial System.Text.RegularExpressions.Regex SemanticVersion();
}
