// Assembly metadata of OccupancySensor.Device. nanoFramework projects keep these attributes in Properties\AssemblyInfo.cs.

using System.Reflection;

[assembly: AssemblyTitle("OccupancySensor.Device")]
[assembly: AssemblyDescription("Occupancy-sensor firmware for ESP32 units running .NET nanoFramework.")]
[assembly: AssemblyCompany("OccupancySensor contributors")]
[assembly: AssemblyProduct("OccupancySensor")]
[assembly: AssemblyCopyright("Copyright (c) OccupancySensor contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
