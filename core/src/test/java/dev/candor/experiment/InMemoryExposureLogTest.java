package dev.candor.experiment;

class InMemoryExposureLogTest extends ExposureLogContract {
    @Override
    protected ExposureLog newLog() {
        return new InMemoryExposureLog();
    }
}
