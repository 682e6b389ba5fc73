using NanoCompileGate;

namespace OccupancySensor.Tests.NanoGate;

/// <summary>
/// The compile gate is what proves the device code is nanoFramework code, so it is tested by breaking a copy of the
/// repository in the ways the issue names and checking that it fails, naming the file.
/// </summary>
public class CompileGateTests
{
    private static NanoCompileGate.Gate.Result RunGate(RepositoryCopy copy) => NanoCompileGate.Gate.Run(copy.Root, sync: false, TextWriter.Null);

    private static void Insert(RepositoryCopy copy, string file, string anchor, string code)
    {
        var path = copy.PathOf(file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, $"anchor '{anchor}' not in {file}");
        File.WriteAllText(path, text.Insert(at + anchor.Length, "\n" + code + "\n"));
    }

    [Fact]
    public void The_repository_passes()
    {
        using var copy = new RepositoryCopy();
        var result = RunGate(copy);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "OccupancySensor.Core", "OccupancySensor.Device", "NFUnitTest" }, result.CompiledProjects);
    }

    [Theory]
    [InlineData("firmware/OccupancySensor.Core/Runtime/FaultLog.cs")]
    [InlineData("firmware/OccupancySensor.Device/Adapters/I2cRegisterBus.cs")]
    [InlineData("firmware/OccupancySensor.DeviceTests/TextValuesTests.cs")]
    public void A_generic_list_field_fails_naming_the_file(string file)
    {
        using var copy = new RepositoryCopy();
        var path = copy.PathOf(file);
        var text = File.ReadAllText(path);
        var brace = text.IndexOf('{', text.IndexOf(" class ", StringComparison.Ordinal));
        File.WriteAllText(path, text.Insert(brace + 1, "\n        System.Collections.Generic.List<int> x;\n"));

        var result = RunGate(copy);
        var generic = result.Diagnostics.Where(d => d.Code == "NFS002").ToList();
        Assert.NotEmpty(generic);
        Assert.All(generic, d => Assert.Equal(file, d.File));
        Assert.Contains("List<int>", generic[0].Message);
        Assert.Contains(file, generic[0].ToString());
        Assert.True(generic[0].Line > 1);
    }

    [Fact]
    public void A_generic_method_of_the_projects_own_fails_naming_the_file()
    {
        using var copy = new RepositoryCopy();
        const string file = "firmware/OccupancySensor.Core/Configuration/TextValues.cs";
        Insert(copy, file, "public static class TextValues\n    {", "        public static T First<T>(T[] items) { return items[0]; }");
        var diagnostic = Assert.Single(RunGate(copy).Diagnostics, d => d.Code == "NFS001");
        Assert.Equal(file, diagnostic.File);
        Assert.Contains("generic method 'First'", diagnostic.Message);
    }

    [Fact]
    public void A_generic_type_of_the_projects_own_fails_even_though_roslyn_compiles_it()
    {
        using var copy = new RepositoryCopy();
        const string file = "firmware/OccupancySensor.Core/Readings/Reading.cs";
        Insert(copy, file, "namespace OccupancySensor.Readings\n{", "    public sealed class Box<T> { public T Value; }");
        var result = RunGate(copy);
        Assert.Contains(result.Diagnostics, d => d.Code == "NFS001" && d.File == file && d.Message.Contains("type 'Box'"));
    }

    [Theory]
    [InlineData("int? maybe = null;", "NFS003")]
    [InlineData("var pair = (1, 2);", "NFS007")]
    [InlineData("decimal money = 1;", "NFS009")]
    [InlineData("var q = from x in new int[0] select x;", "NFS004")]
    public void Other_features_the_runtime_lacks_fail_with_their_own_message(string statement, string code)
    {
        using var copy = new RepositoryCopy();
        const string file = "firmware/OccupancySensor.Core/Runtime/RetryBackoff.cs";
        Insert(copy, file, "public void Succeeded()\n        {", "            " + statement);
        Assert.Contains(RunGate(copy).Diagnostics, d => d.Code == code && d.File == file);
    }

    [Fact]
    public void Async_and_records_are_rejected()
    {
        using var copy = new RepositoryCopy();
        const string file = "firmware/OccupancySensor.Core/Runtime/FaultLog.cs";
        Insert(copy, file, "namespace OccupancySensor.Runtime\n{", "    public record Point(int X, int Y);\n    public static class Later { public static async void Run() { } }");
        var codes = RunGate(copy).Diagnostics.Where(d => d.File == file).Select(d => d.Code).ToList();
        Assert.Contains("NFS008", codes);
        Assert.Contains("NFS006", codes);
    }

    [Fact]
    public void An_api_missing_from_nanoframework_fails_the_compile()
    {
        using var copy = new RepositoryCopy();
        const string file = "firmware/OccupancySensor.Core/Runtime/RetryBackoff.cs";
        Insert(copy, file, "public void Succeeded()\n        {", "            string s = string.Join(\",\", new string[0]);");
        var diagnostics = RunGate(copy).Diagnostics;
        var diagnostic = Assert.Single(diagnostics, d => d.Code.StartsWith("CS", StringComparison.Ordinal));
        Assert.Equal(("CS0117", file), (diagnostic.Code, diagnostic.File)); // string.Join does not exist on nanoFramework
        Assert.Equal(2, diagnostics.Count(d => d.Code == "NFG306")); // and the projects that use the library stop there
    }

    [Fact]
    public void A_source_file_the_nfproj_does_not_list_fails_and_sync_fixes_it()
    {
        using var copy = new RepositoryCopy();
        File.WriteAllText(copy.PathOf("firmware/OccupancySensor.Core/Runtime/Extra.cs"), "namespace OccupancySensor.Runtime { internal static class Extra { } }");
        var diagnostic = Assert.Single(RunGate(copy).Diagnostics);
        Assert.Equal("NFG300", diagnostic.Code);
        Assert.Contains("Runtime/Extra.cs", diagnostic.Message);

        var synced = NanoCompileGate.Gate.Run(copy.Root, sync: true, TextWriter.Null);
        Assert.Empty(synced.Diagnostics);
        Assert.Contains("Runtime\\Extra.cs", File.ReadAllText(copy.PathOf("firmware/OccupancySensor.Core/OccupancySensor.Core.nfproj")));
    }

    [Fact]
    public void Packages_config_and_hint_paths_must_agree()
    {
        using var copy = new RepositoryCopy();
        var config = copy.PathOf("firmware/OccupancySensor.Core/packages.config");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"1.5.116\"", "\"1.5.99\""));
        var codes = RunGate(copy).Diagnostics.Select(d => d.Code).ToList();
        Assert.Contains("NFG303", codes); // the HintPath still names 1.5.116
        Assert.Contains("NFG308", codes); // and the other projects pin 1.5.116
    }

    [Theory]
    [InlineData("nanoFramework.System.Device.Gpio.1.1.57/lib/System.Device.Gpio.dll", "nanoFramework.System.Device.Gpio", "1.1.57", "System.Device.Gpio")]
    [InlineData("nanoFramework.UnitsNet.Temperature.5.76.15/lib/netnano1.0/nanoFramework.UnitsNet.Temperature.dll", "nanoFramework.UnitsNet.Temperature", "5.76.15", "nanoFramework.UnitsNet.Temperature")]
    [InlineData("nanoFramework.TestFramework.3.0.77/lib/nanoFramework.UnitTestLauncher.exe", "nanoFramework.TestFramework", "3.0.77", "nanoFramework.UnitTestLauncher")]
    public void Hint_paths_name_package_version_and_assembly(string tail, string id, string version, string assembly)
    {
        Assert.Equal((id, version, assembly), NanoProject.ParseHintPath("../../packages/" + tail));
    }
}
