using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Tests;

/// <summary>
/// Every refusal of <see cref="RequirementReader"/>: <c>file:line:column: reason</c> at the place of the mistake, and
/// never the document's own text (each bad value below contains SECRET, which no message may repeat).
/// </summary>
public sealed class BadInputTests
{
    private const string Head = "service: orders\nversion: 1.0.0\nentities:\n  User:\n    fields:\n";

    [Fact]
    public void Unknown_type() =>
        Fails(Head + "      name: { type: SECRETtext }\n", 6, 21, "unknown type for field User.name (allowed: string, integer");

    [Fact]
    public void Min_length_above_max_length() =>
        Fails(Head + "      name: { type: string, min_length: 40, max_length: 2 }\n", 6, 41,
            "field User.name: min_length is above max_length");

    [Fact]
    public void Minimum_above_maximum() =>
        Fails(Head + "      age: { type: integer, minimum: 9, maximum: 1 }\n", 6, 38, "field User.age: minimum is above maximum");

    [Fact]
    public void Duplicate_field() =>
        Fails(Head + "      name: { type: string }\n      name: { type: string, description: SECRET }\n", 7, 7,
            "a key appears twice in entity User fields");

    [Fact]
    public void Duplicate_entity() =>
        Fails(Head + "      name: { type: string }\n  User:\n    fields: { SECRET: { type: string } }\n", 7, 3,
            "a key appears twice in entities");

    [Fact]
    public void Duplicate_enum_value() =>
        Fails(Head + "      state: { type: enum, values: [on, off, on] }\n", 6, 46, "field User.state: enum value on appears twice");

    [Fact]
    public void Duplicate_operation() =>
        Fails(Head + "      name: { type: string }\n    operations: [get, list, get]\n", 7, 29,
            "operation get appears twice in entity User");

    [Fact]
    public void Reserved_proto_keyword() =>
        Fails(Head + "      message: { type: string }\n", 6, 7, "field User.message is reserved: 'message' is a proto keyword");

    [Fact]
    public void Reserved_go_keyword() =>
        Fails(Head + "      func: { type: string }\n", 6, 7, "field User.func is reserved: 'func' is a Go keyword");

    [Fact]
    public void Reserved_generated_field() =>
        Fails(Head + "      version: { type: int64 }\n", 6, 7, "field User.version is reserved: every entity already has 'version'");

    [Fact]
    public void Reserved_action_name() =>
        Fails(Head + "      name: { type: string }\n    actions:\n      delete: { fields: [name] }\n", 8, 7,
            "action delete in entity User is reserved");

    [Fact]
    public void Reference_to_a_missing_entity() =>
        Fails(Head + "      owner: { type: ref, entity: SECRETOwner }\n", 6, 35,
            "field User.owner refers to an entity this requirement does not define");

    [Fact]
    public void Bad_service_name() =>
        Fails("service: SECRET-Orders\nversion: 1.0.0\nentities: {}\n", 1, 10, "service must be a lower_snake name");

    [Fact]
    public void Service_named_like_a_keyword() =>
        Fails("service: package\nversion: 1.0.0\nentities: { A: { fields: { b: { type: string } } } }\n", 1, 10,
            "service 'package' is a proto keyword");

    [Fact]
    public void Bad_entity_name() =>
        Fails("service: orders\nversion: 1.0.0\nentities:\n  SECRET_user:\n    fields: {}\n", 4, 3, "an entity name must be PascalCase");

    [Fact]
    public void Bad_version() =>
        Fails("service: orders\nversion: SECRET\nentities: {}\n", 2, 10, "version must be MAJOR.MINOR.PATCH");

    [Fact]
    public void Unknown_key_in_the_document() =>
        Fails("service: orders\nversion: 1.0.0\nSECRET: 1\n", 3, 1,
            "unknown key in the document (allowed: service, version, terms, entities)");

    [Fact]
    public void Unknown_key_in_a_field() =>
        Fails(Head + "      name: { type: string, SECRETmin: 2 }\n", 6, 29,
            "unknown key in field User.name (allowed: type, description, required");

    [Fact]
    public void Constraint_that_does_not_fit_the_type() =>
        Fails(Head + "      age: { type: integer, min_length: 2 }\n", 6, 41, "field User.age: min_length does not apply to type integer");

    [Fact]
    public void Action_naming_a_field_the_entity_lacks() =>
        Fails(Head + "      name: { type: string }\n    actions:\n      rename: { fields: [SECRETfield] }\n", 8, 26,
            "action rename of entity User names a field the entity does not have");

    [Fact]
    public void Pattern_with_look_ahead() =>
        Fails(Head + "      code: { type: string, pattern: \"^(?=SECRET)\" }\n", 6, 38,
            "field User.code pattern is not a regular expression both RE2");

    [Fact]
    public void Example_that_breaks_the_constraints() =>
        Fails(Head + "      code: { type: string, max_length: 3, example: SECRET }\n", 6, 53,
            "field User.code: the example does not meet the field's constraints");

    [Fact]
    public void Generated_name_that_clashes_with_an_entity() =>
        Fails(Head + "      status: { type: enum, values: [on] }\n  UserStatus:\n    fields: { b: { type: string } }\n", 4, 3,
            "entity User generates the name UserStatus, which entity UserStatus uses already");

    [Fact]
    public void Anchors_are_refused() =>
        Fails(Head + "      a: &x { type: string }\n      b: *x\n", 6, 10, "anchors (&name) are not allowed");

    [Fact]
    public void Malformed_yaml() =>
        Fails(Head + "      a: { type: string\n", 7, 1, "malformed YAML");

    [Fact]
    public void Unique_items_of_a_list_of_entities() =>
        Fails(Head + "      friends: { type: list, unique: true, of: { type: ref, entity: User } }\n", 6, 38,
            "field User.friends: unique items apply to lists of strings, numbers and enums only");

    [Fact]
    public void A_list_of_lists() =>
        Fails(Head + "      grid: { type: list, of: { type: list, of: string } }\n", 6, 39,
            "the items of field User.grid: a list of lists");

    private static void Fails(string yaml, int line, int column, string problem)
    {
        var error = Assert.Throws<RequirementException>(() => RequirementReader.Read(yaml, "requirement.yml"));

        Assert.StartsWith($"requirement.yml:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.Equal(("requirement.yml", line, column), (error.File, error.Line, error.Column));
    }
}
