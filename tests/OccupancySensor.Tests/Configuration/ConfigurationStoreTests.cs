using OccupancySensor.Configuration;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Runtime;

namespace OccupancySensor.Tests.Configuration;

public class ConfigurationStoreTests
{
    private readonly InMemoryFileStore _flash = new();
    private readonly FaultLog _faults = new();
    private readonly SimulatedClock _clock = new();

    private ConfigurationStore NewStore() => new(_flash, _faults, _clock);

    [Fact]
    public void A_valid_file_is_loaded_and_kept_as_the_last_good_copy()
    {
        _flash.Deploy(ConfigurationStore.FileName, SampleConfigurations.Desk);
        var store = NewStore();
        Assert.True(store.Load());
        Assert.Equal("hq-f3-desk-07", store.Active.DeviceId);
        Assert.True(_flash.Exists(ConfigurationStore.LastGoodFileName));
        Assert.Equal(0, _faults.Total);
    }

    [Fact]
    public void Booting_again_with_the_same_file_does_not_rewrite_the_copy()
    {
        _flash.Deploy(ConfigurationStore.FileName, SampleConfigurations.Desk);
        NewStore().Load();
        var written = _flash.BytesWritten;
        NewStore().Load();
        Assert.Equal(written, _flash.BytesWritten);
    }

    [Fact]
    public void A_bad_file_is_rejected_with_a_fault_naming_the_key_and_the_last_good_stays_in_force()
    {
        _flash.Deploy(ConfigurationStore.FileName, SampleConfigurations.Desk);
        NewStore().Load();
        _flash.Deploy(ConfigurationStore.FileName, SampleConfigurations.DeskWith("thresholds.vacant_hold_s", "thresholds.vacant_hold_s = soon"));

        var store = NewStore();
        Assert.False(store.Load());
        Assert.Equal("hq-f3-desk-07", store.Active.DeviceId);
        Assert.Equal(300, store.Active.VacantHoldSeconds);
        var fault = _faults.GetRecent(0);
        Assert.Equal((FaultSource.Configuration, FaultCode.Invalid), (fault.Source, fault.Code));
        Assert.Contains("thresholds.vacant_hold_s", fault.Detail);
        Assert.Contains("thresholds.vacant_hold_s", store.LastRejection);
    }

    [Fact]
    public void A_unit_that_never_had_a_valid_file_runs_unconfigured()
    {
        var store = NewStore();
        Assert.False(store.Load());
        Assert.Equal("unconfigured", store.Active.DeviceId);
        Assert.Equal(UplinkKind.None, store.Active.Uplink);
        Assert.Equal(FaultCode.Missing, _faults.GetRecent(0).Code);
    }

    [Fact]
    public void An_oversized_file_is_rejected_without_reading_it_all()
    {
        _flash.Deploy(ConfigurationStore.FileName, new string('#', ConfigurationStore.MaxFileBytes + 1));
        var store = NewStore();
        Assert.False(store.Load());
        Assert.Contains("larger than", store.LastRejection);
    }

    [Fact]
    public void Apply_validates_first_and_changes_nothing_when_invalid()
    {
        _flash.Deploy(ConfigurationStore.FileName, SampleConfigurations.Desk);
        var store = NewStore();
        store.Load();
        var before = _flash.BytesWritten;

        var error = store.Apply(SampleConfigurations.DeskWith("device.id", "device.id = ??"));
        Assert.NotNull(error);
        Assert.Contains("device.id", error);
        Assert.Equal("hq-f3-desk-07", store.Active.DeviceId);
        Assert.Equal(before, _flash.BytesWritten);

        Assert.Null(store.Apply(SampleConfigurations.DeskWith("device.id", "device.id = hq-f3-desk-99")));
        Assert.Equal("hq-f3-desk-99", store.Active.DeviceId);
        Assert.True(NewStore().Load());
        Assert.Equal("hq-f3-desk-99", ReloadedId());
    }

    [Fact]
    public void A_full_flash_keeps_the_new_configuration_in_force_and_records_the_failure()
    {
        _flash.Deploy(ConfigurationStore.FileName, SampleConfigurations.Desk);
        var store = NewStore();
        store.Load();
        _flash.CapacityBytes = _flash.UsedBytes - 1; // not one more byte fits
        Assert.Null(store.Apply(SampleConfigurations.DeskWith("location.floor", "location.floor = 4")));
        Assert.Equal("4", store.Active.Floor);
        Assert.Equal((FaultSource.Storage, FaultCode.WriteFailed), (_faults.GetRecent(0).Source, _faults.GetRecent(0).Code));
    }

    private string ReloadedId()
    {
        var store = NewStore();
        store.Load();
        return store.Active.DeviceId;
    }
}
