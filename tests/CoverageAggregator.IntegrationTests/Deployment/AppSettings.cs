using System.Reflection;
using System.Text.RegularExpressions;
using CoverageAggregator.Configuration;
using CoverageAggregator.IntegrationTests.Support;
using CoverageAggregator.Functions.Collection;
using Microsoft.Azure.Functions.Worker;

namespace CoverageAggregator.IntegrationTests.Deployment;

/// <summary>
/// The app settings on both sides, as Azure names them (sections joined by "__"):
/// what the code reads (options classes by reflection, string keys read from IConfiguration found in the source,
/// %binding% expressions of the Functions' trigger attributes) and what infra/app/api.bicep sets.
/// </summary>
public static partial class AppSettings
{
    private static readonly string[] Projects = ["CoverageAggregator", "CoverageAggregator.Functions"];

    public static string BicepFile => Path.Combine(Paths.RepoRoot, "infra", "app", "api.bicep");

    /// <summary>Read by the code (or, for Coverage__Admin__ApiKey, by the issue 6 branch's CLI host), deliberately not set in Azure.</summary>
    public static readonly IReadOnlyDictionary<string, string> LocalOnly = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Coverage__StorageConnection"] = "a connection string; Azure uses the identity-based AzureWebJobsStorage__* settings",
        ["COVERAGE_STORAGE"] = "a connection string; Azure uses the identity-based AzureWebJobsStorage__* settings",
        ["AzureWebJobsStorage"] = "a connection string; Azure uses the identity-based AzureWebJobsStorage__* settings",
        ["Coverage__Fetch__AllowedPrivateHosts"] = "lets local fixture servers past the SSRF guard; Azure fetches public hosts only",
        ["Coverage__Admin__ApiKey"] = "the CLI host's admin key; the Functions app guards admin routes with function keys",
    };

    /// <summary>Set by the Bicep for the Functions host, which reads them itself (the app's code may read them too).</summary>
    public static readonly IReadOnlyDictionary<string, string> HostOnly = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage__blobServiceUri"] = "the host keeps timer-trigger locks and function keys in blobs",
    };

    /// <summary>
    /// Prefixes of settings the Bicep sets ahead of the code that reads them, merged from another branch: the daily digest
    /// and its delivery (issue 6: DigestOptions "Coverage:Digest", DeliveryOptions "Coverage:Delivery", %DigestCheckSchedule%).
    /// Once that code is here, the two-way check covers these settings like any other; drop the entry then.
    /// </summary>
    public static readonly IReadOnlyList<string> PendingPrefixes =
        ["Coverage__Digest__", "Coverage__Delivery__", "Coverage__Alerts__", "DigestCheckSchedule"];

    public static bool IsPending(string setting) => PendingPrefixes.Any(p => setting.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Every setting the Bicep puts in the Function App's app settings: the keys of its `var ...Settings = ... {` blocks
    /// (appSettings and the optional list blocks), with list indices dropped (Webhooks__0__Url is Webhooks__Url).
    /// </summary>
    public static IReadOnlySet<string> SetByBicep()
    {
        var text = File.ReadAllText(BicepFile).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = SettingsBlock().Matches(text).Select(m => m.Value).ToList();
        Assert.True(blocks.Count > 0, $"{BicepFile} has no `var appSettings = {{` block");
        return blocks
            .SelectMany(block => TopLevelKey().Matches(block))
            .Select(m => ListIndex().Replace(m.Groups[1].Value, ""))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every setting the core library and the Functions app read.</summary>
    public static IReadOnlySet<string> ReadByCode()
    {
        var settings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, section) in OptionsClasses())
        {
            AddProperties(settings, lists: null, type, section.Replace(":", "__", StringComparison.Ordinal));
        }

        settings.UnionWith(StringKeysInSource());
        settings.UnionWith(BindingExpressions());
        return settings;
    }

    /// <summary>
    /// The options settings that are lists or fields of list elements (recipients, webhooks, allowed hosts): empty unless
    /// configured, and an empty list has no app setting, so the Bicep sets them only when their parameter is given.
    /// </summary>
    public static IReadOnlySet<string> Lists()
    {
        var settings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lists = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, section) in OptionsClasses())
        {
            AddProperties(settings, lists, type, section.Replace(":", "__", StringComparison.Ordinal));
        }

        return lists;
    }

    /// <summary>Classes bound to a configuration section: those with a `const string Section` (CoverageOptions and any added later).</summary>
    private static IEnumerable<(Type Type, string Section)> OptionsClasses() =>
        new[] { typeof(CoverageOptions).Assembly, typeof(CollectSource).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => (x.Type, (string)x.Field!.GetRawConstantValue()!));

    private static void AddProperties(HashSet<string> settings, HashSet<string>? lists, Type type, string prefix, bool inList = false)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.SetMethod is { IsPublic: true }))
        {
            var name = $"{prefix}__{property.Name}";
            var element = ElementOf(property.PropertyType);
            if (IsLeaf(property.PropertyType))
            {
                settings.Add(name);
                if (inList || element is not null)
                {
                    lists?.Add(name);
                }
            }
            else if (element is not null)
            {
                AddProperties(settings, lists, element, name, inList: true); // a list of objects: one setting per field, indices dropped
            }
            else
            {
                AddProperties(settings, lists, property.PropertyType, name, inList);
            }
        }
    }

    /// <summary>A value the binder sets from one setting (or, for a list of values, from one setting per element).</summary>
    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return IsScalar(type) || (ElementOf(type) is { } element && IsScalar(element));
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(Uri);

    /// <summary>The element type of a list or array property, else null.</summary>
    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>configuration["Key"] (and Environment.GetEnvironmentVariable("KEY")) in the source of the core and the Functions app.</summary>
    private static IEnumerable<string> StringKeysInSource() =>
        Projects.SelectMany(project => Directory.EnumerateFiles(Path.Combine(Paths.RepoRoot, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => StringKeyRead().Matches(File.ReadAllText(file)))
            .Select(m => m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal));

    /// <summary>%Name% in the string properties of the Functions' binding attributes (the trigger schedule, the queue name).</summary>
    private static IEnumerable<string> BindingExpressions() =>
        typeof(CollectSource).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .SelectMany(p => p.GetCustomAttributes())
            .SelectMany(a => a.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.GetValue(a) as string))
            .OfType<string>()
            .SelectMany(value => BindingExpression().Matches(value))
            .Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^var \w+Settings = [^\n]*\{\n.*?^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SettingsBlock();

    [GeneratedRegex(@"^  ([A-Za-z_][A-Za-z0-9_]*)\s*:", RegexOptions.Multiline)]
    private static partial Regex TopLevelKey();

    [GeneratedRegex(@"__\d+(?=__|$)")]
    private static partial Regex ListIndex();

    [GeneratedRegex(@"(?:[Cc]onfiguration\s*\[\s*|GetEnvironmentVariable\(\s*)""([A-Za-z_][A-Za-z0-9_:]*)""")]
    private static partial Regex StringKeyRead();

    [GeneratedRegex("%([A-Za-z_][A-Za-z0-9_]*)%")]
    private static partial Regex BindingExpression();
}
