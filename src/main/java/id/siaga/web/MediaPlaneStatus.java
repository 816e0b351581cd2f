package id.siaga.web;

/**
 * The media plane's instances as the consoles' header needs them: how many are configured and how many take calls
 * now. The wiring provides it when a media plane is configured; without one the consoles say recording is off.
 */
public interface MediaPlaneStatus {

    int instances();

    int live();
}
