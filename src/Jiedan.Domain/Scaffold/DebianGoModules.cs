namespace Jiedan.Domain.Scaffold;

/// <summary>A Go module as Debian bookworm packages its source under /usr/share/gocode/src.</summary>
public sealed record GoModule(string Path, string Version, string GoVersion, string DebianPackage, IReadOnlyList<string> Packages);

/// <summary>
/// The modules the scaffold builds against, pinned to the versions Debian ships (a test compares them with dpkg), and the
/// packages of each that a linux build imports (a test compares them with <c>go list -deps</c> over the packaged sources).
/// </summary>
public static class DebianGoModules
{
    public static readonly GoModule Sqlite = new("github.com/mattn/go-sqlite3", "v1.14.16", "1.16", "golang-github-mattn-go-sqlite3-dev",
        ["github.com/mattn/go-sqlite3"]);

    public static readonly GoModule Gin = new("github.com/gin-gonic/gin", "v1.8.1", "1.18", "golang-github-gin-gonic-gin-dev",
        ["github.com/gin-gonic/gin", "github.com/gin-gonic/gin/binding", "github.com/gin-gonic/gin/internal/bytesconv",
            "github.com/gin-gonic/gin/internal/json", "github.com/gin-gonic/gin/render"]);

    /// <summary>What gin imports, in go.mod as indirect requirements.</summary>
    public static readonly IReadOnlyList<GoModule> GinDependencies =
    [
        new("github.com/gin-contrib/sse", "v0.1.0", "1.12", "golang-github-gin-contrib-sse-dev", ["github.com/gin-contrib/sse"]),
        new("github.com/go-playground/locales", "v0.14.0", "1.13", "golang-github-go-playground-locales-dev",
            ["github.com/go-playground/locales", "github.com/go-playground/locales/currency"]),
        new("github.com/go-playground/universal-translator", "v0.17.0", "1.13", "golang-github-go-playground-universal-translator-dev",
            ["github.com/go-playground/universal-translator"]),
        new("github.com/go-playground/validator/v10", "v10.4.1", "1.13", "golang-github-go-playground-validator-v10-dev",
            ["github.com/go-playground/validator/v10"]),
        new("github.com/leodido/go-urn", "v1.2.1", "1.13", "golang-github-leodido-go-urn-dev", ["github.com/leodido/go-urn"]),
        new("github.com/mattn/go-isatty", "v0.0.17", "1.15", "golang-github-mattn-go-isatty-dev", ["github.com/mattn/go-isatty"]),
        new("github.com/pelletier/go-toml/v2", "v2.0.6", "1.16", "golang-github-pelletier-go-toml.v2-dev",
            ["github.com/pelletier/go-toml/v2", "github.com/pelletier/go-toml/v2/internal/characters",
                "github.com/pelletier/go-toml/v2/internal/danger", "github.com/pelletier/go-toml/v2/internal/tracker",
                "github.com/pelletier/go-toml/v2/unstable"]),
        new("github.com/ugorji/go/codec", "v1.2.8", "1.11", "golang-github-ugorji-go-codec-dev", ["github.com/ugorji/go/codec"]),
        new("golang.org/x/crypto", "v0.4.0", "1.17", "golang-golang-x-crypto-dev", ["golang.org/x/crypto/sha3"]),
        new("golang.org/x/net", "v0.7.0", "1.17", "golang-golang-x-net-dev",
            ["golang.org/x/net/http/httpguts", "golang.org/x/net/http2", "golang.org/x/net/http2/h2c", "golang.org/x/net/http2/hpack",
                "golang.org/x/net/idna"]),
        new("golang.org/x/sys", "v0.3.0", "1.17", "golang-golang-x-sys-dev", ["golang.org/x/sys/unix"]),
        new("golang.org/x/text", "v0.7.0", "1.17", "golang-golang-x-text-dev",
            ["golang.org/x/text/secure/bidirule", "golang.org/x/text/transform", "golang.org/x/text/unicode/bidi",
                "golang.org/x/text/unicode/norm"]),
        new("google.golang.org/protobuf", "v1.28.1", "1.11", "golang-google-protobuf-dev",
            ["google.golang.org/protobuf/encoding/protowire", "google.golang.org/protobuf/internal/detrand",
                "google.golang.org/protobuf/internal/encoding/messageset", "google.golang.org/protobuf/internal/errors",
                "google.golang.org/protobuf/internal/flags", "google.golang.org/protobuf/internal/genid",
                "google.golang.org/protobuf/internal/order", "google.golang.org/protobuf/internal/pragma",
                "google.golang.org/protobuf/internal/strs", "google.golang.org/protobuf/proto",
                "google.golang.org/protobuf/reflect/protoreflect", "google.golang.org/protobuf/reflect/protoregistry",
                "google.golang.org/protobuf/runtime/protoiface"]),
        new("gopkg.in/yaml.v2", "v2.4.0", "1.15", "golang-gopkg-yaml.v2-dev", ["gopkg.in/yaml.v2"]),
    ];

    /// <summary>The go directive of generated projects: the oldest the seed's gate constraint (&gt;=1.20) accepts.
    /// Go 1.19 (Debian's) builds it too: before 1.21 a newer go line is advice, not a requirement.</summary>
    public const string GoDirective = "1.20";

    public static IReadOnlyList<GoModule> Direct(GoFramework framework) => framework == GoFramework.Gin ? [Gin, Sqlite] : [Sqlite];

    public static IReadOnlyList<GoModule> All(GoFramework framework) =>
        [.. Direct(framework), .. framework == GoFramework.Gin ? GinDependencies : []];

    public static string GoMod(string module, GoFramework framework)
    {
        var text = $"module {module}\n\ngo {GoDirective}\n\nrequire (\n";
        var direct = Direct(framework).OrderBy(m => m.Path, StringComparer.Ordinal);
        text += string.Concat(direct.Select(m => $"\t{m.Path} {m.Version}\n")) + ")\n";
        if (framework == GoFramework.Gin)
        {
            text += "\nrequire (\n" + string.Concat(GinDependencies.OrderBy(m => m.Path, StringComparer.Ordinal)
                .Select(m => $"\t{m.Path} {m.Version} // indirect\n")) + ")\n";
        }
        return text;
    }

    /// <summary><c>vendor/modules.txt</c> for the packages copied from Debian's sources.</summary>
    public static string ModulesTxt(GoFramework framework) => string.Concat(All(framework).OrderBy(m => m.Path, StringComparer.Ordinal)
        .Select(m => $"# {m.Path} {m.Version}\n## explicit; go {m.GoVersion}\n"
            + string.Concat(m.Packages.Order(StringComparer.Ordinal).Select(p => p + "\n"))));
}
