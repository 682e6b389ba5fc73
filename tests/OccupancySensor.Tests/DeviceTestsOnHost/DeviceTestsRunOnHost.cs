using System.Reflection;
using TestClassAttribute = nanoFramework.TestFramework.TestClassAttribute;
using TestMethodAttribute = nanoFramework.TestFramework.TestMethodAttribute;

namespace OccupancySensor.Tests.DeviceTestsOnHost;

/// <summary>
/// Runs every [TestMethod] of the on-device test project (built for .NET from its own sources) on the
/// host, so those tests are known to pass before anyone flashes them. On the device they run under the nanoFramework
/// test runner; there the single-precision maths of the ESP32 also gets its say.
/// </summary>
public class DeviceTestsRunOnHost
{
    private static readonly Assembly DeviceTestAssembly = typeof(OccupancySensor.DeviceTests.TextValuesTests).Assembly;

    public static TheoryData<string> DeviceTests()
    {
        var data = new TheoryData<string>();
        foreach (var type in DeviceTestAssembly.GetTypes().Where(t => t.GetCustomAttribute<TestClassAttribute>() != null))
        {
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TestMethodAttribute>() != null))
            {
                data.Add(type.Name + "." + method.Name);
            }
        }

        return data;
    }

    [Fact]
    public void The_device_test_project_is_compiled_in()
    {
        Assert.Equal("OccupancySensor.DeviceTests.Host", DeviceTestAssembly.GetName().Name);
        Assert.True(DeviceTests().Count >= 12);
    }

    [Theory]
    [MemberData(nameof(DeviceTests))]
    public void Passes_on_the_host(string test)
    {
        var parts = test.Split('.');
        var type = DeviceTestAssembly.GetTypes().Single(t => t.Name == parts[0] && t.GetCustomAttribute<TestClassAttribute>() != null);
        var instance = Activator.CreateInstance(type);
        try
        {
            type.GetMethod(parts[1])!.Invoke(instance, null);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            throw e.InnerException;
        }
    }
}
