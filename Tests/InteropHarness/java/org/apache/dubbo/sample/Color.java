package org.apache.dubbo.sample;

public enum Color {
    RED,
    GREEN,
    BLUE
}
